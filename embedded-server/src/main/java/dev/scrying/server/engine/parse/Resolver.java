package dev.scrying.server.engine.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.CommandDoc;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Fills a command's fields from the words after its verb. */
final class Resolver {
  private static final Set<String> PRONOUNS = Set.of("it", "them", "this", "that", "one");

  private Resolver() {}

  static ParseResult resolve(CommandContext ctx, CommandDoc doc, Phrase rest, String text) {
    ObjectNode f = Json.object();
    switch (doc.command()) {
      case "collect_item":
        return item(ctx, rest, TextCommands.Entities.itemsInZone(ctx), "take")
            .map(id -> done(ctx, doc, f.put("instance_id", id), text)).orElseGet(() -> failure(ctx, rest, "take"));
      case "drop_item":
      case "use_item":
        return item(ctx, rest, held(ctx), verbOf(doc))
            .map(id -> done(ctx, doc, f.put("instance_id", id), text)).orElseGet(() -> failure(ctx, rest, verbOf(doc)));
      case "examine":
        return examine(ctx, doc, rest, text);
      case "give_item":
        return give(ctx, doc, rest, text);
      case "go":
        return pick(ctx, rest, TextCommands.Entities.places(ctx), "go to")
            .map(id -> done(ctx, doc, f.put("destination", id), text)).orElseGet(() -> failure(ctx, rest, "go to"));
      case "talk":
        return talk(ctx, doc, rest, text);
      case "help":
        if (!rest.isEmpty()) {
          TextCommands.verb(ctx, Phrase.raw(rest.text())).ifPresent(v -> f.put("topic", v.doc().command()));
        }
        return done(ctx, doc, f, text);
      default:
        return done(ctx, doc, f, text);
    }
  }

  private static List<Entity> held(CommandContext ctx) {
    List<Entity> all = new ArrayList<>(TextCommands.Entities.inventory(ctx));
    all.addAll(TextCommands.Entities.itemsInZone(ctx));
    return all;
  }

  private static ParseResult examine(CommandContext ctx, CommandDoc doc, Phrase rest, String text) {
    List<Entity> all = new ArrayList<>(held(ctx));
    all.addAll(TextCommands.Entities.npcs(ctx));
    if (rest.isEmpty()) {
      return TextCommands.parsed(ctx, "look", Json.object(), text);
    }
    return item(ctx, rest, all, "examine").map(id -> done(ctx, doc, Json.object().put("instance_id", id), text))
        .orElseGet(() -> failure(ctx, rest, "examine"));
  }

  private static ParseResult give(CommandContext ctx, CommandDoc doc, Phrase rest, String text) {
    List<Entity> targets = new ArrayList<>(TextCommands.Entities.npcs(ctx));
    targets.addAll(TextCommands.Entities.players(ctx));
    int to = rest.words().lastIndexOf("to");
    Phrase itemPart = to >= 0 ? rest.until(to) : rest;
    Phrase targetPart = to >= 0 ? rest.from(to + 1) : rest;
    Optional<Entity> target = best(targets, targetPart);
    if (target.isEmpty()) {
      return TextCommands.reply(Outcome.fail("Who do you want to give it to? " + Suggestions.people(ctx),
          Json.object().put("error_code", "missing_target")));
    }
    if (to < 0) {
      itemPart = withoutName(rest, target.get());
    }
    Optional<String> item = item(ctx, itemPart, TextCommands.Entities.inventory(ctx), "give");
    if (item.isEmpty()) {
      return failureHeld(ctx, itemPart, "give");
    }
    ObjectNode f = Json.object().put("instance_id", item.get());
    boolean isNpc = ctx.world().path("npcs").has(target.get().id());
    f.put(isNpc ? "target_npc_id" : "target_player_id", target.get().id());
    return done(ctx, doc, f, text);
  }

  private static ParseResult talk(CommandContext ctx, CommandDoc doc, Phrase rest, String text) {
    ObjectNode f = Json.object();
    int about = rest.words().indexOf("about");
    Phrase who = about >= 0 ? rest.until(about) : rest;
    best(TextCommands.Entities.npcs(ctx), who).ifPresent(n -> f.put("npc_id", n.id()));
    if (about >= 0) {
      f.put("message", rest.from(about + 1).text());
    } else if (!f.has("npc_id") && !rest.isEmpty()) {
      f.put("message", rest.text());
    }
    return done(ctx, doc, f, text);
  }

  /** An item id: "it" means the newest thing carried; ambiguity asks back via an exception-free path. */
  private static Optional<String> item(CommandContext ctx, Phrase words, List<Entity> candidates, String verb) {
    if (words.words().size() == 1 && PRONOUNS.contains(words.words().get(0))) {
      JsonNode inv = ctx.player().path("inventory");
      return inv.isEmpty() ? Optional.empty() : Optional.of(inv.get(inv.size() - 1).path("instance_id").asText());
    }
    return pick(ctx, words, candidates, verb);
  }

  private static Optional<String> pick(CommandContext ctx, Phrase words, List<Entity> candidates, String verb) {
    List<Entity> top = top(candidates, words);
    if (top.size() == 1) {
      return Optional.of(top.get(0).id());
    }
    if (top.size() > 1) {
      throw new Ambiguous(question(top));
    }
    return Optional.empty();
  }

  private static Optional<Entity> best(List<Entity> candidates, Phrase words) {
    List<Entity> top = top(candidates, words);
    return top.size() == 1 ? Optional.of(top.get(0)) : Optional.empty();
  }

  /** Candidates with the longest matching name, then the highest priority (held > in reach > in zone). */
  private static List<Entity> top(List<Entity> candidates, Phrase words) {
    int longest = candidates.stream().mapToInt(e -> e.matchLength(words)).max().orElse(0);
    if (longest == 0) {
      return List.of();
    }
    List<Entity> matched = candidates.stream().filter(e -> e.matchLength(words) == longest).toList();
    int priority = matched.stream().mapToInt(Entity::priority).max().orElse(0);
    List<Entity> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    matched.stream().filter(e -> e.priority() == priority)
        .forEach(e -> {
          if (seen.add(e.id())) {
            out.add(e);
          }
        });
    return out;
  }

  private static Phrase withoutName(Phrase rest, Entity target) {
    for (Phrase n : target.names()) {
      int at = rest.find(n);
      if (at >= 0) {
        List<String> w = new ArrayList<>(rest.words());
        w.subList(at, at + n.words().size()).clear();
        return new Phrase(w);
      }
    }
    return rest;
  }

  /** "Which bottle: mystery, energy, joy or nature?" */
  static String question(List<Entity> options) {
    List<List<String>> names = options.stream()
        .map(e -> Phrase.of(e.displayName()).words().stream().filter(w -> !w.equals("of")).toList()).toList();
    Set<String> common = new LinkedHashSet<>(names.get(0));
    names.forEach(common::retainAll);
    String noun = common.isEmpty() ? "one" : String.join(" ", common);
    List<String> parts = new ArrayList<>();
    for (List<String> n : names) {
      List<String> distinct = n.stream().filter(w -> !common.contains(w)).toList();
      parts.add(distinct.isEmpty() ? String.join(" ", n) : String.join(" ", distinct));
    }
    String list = parts.size() == 2 ? parts.get(0) + " or " + parts.get(1)
        : String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    return "Which " + noun.toLowerCase(Locale.ROOT) + ": " + list + "?";
  }

  private static ParseResult done(CommandContext ctx, CommandDoc doc, ObjectNode fields, String text) {
    return TextCommands.parsed(ctx, doc.command(), fields, text);
  }

  private static ParseResult failure(CommandContext ctx, Phrase rest, String verb) {
    if (rest.isEmpty()) {
      return TextCommands.reply(Outcome.fail("What do you want to " + verb + "? " + Suggestions.here(ctx),
          Json.object().put("error_code", "missing_object")));
    }
    return TextCommands.reply(Outcome.fail("There's no '" + rest.text() + "' here to " + verb + ". "
        + Suggestions.here(ctx), Json.object().put("error_code", "unknown_object")));
  }

  private static ParseResult failureHeld(CommandContext ctx, Phrase rest, String verb) {
    String what = rest.isEmpty() ? "that" : "'" + rest.text() + "'";
    return TextCommands.reply(Outcome.fail("You don't have " + what + " to " + verb + ". " + Suggestions.carried(ctx),
        Json.object().put("error_code", "unknown_object")));
  }

  private static String verbOf(CommandDoc doc) {
    return doc.aliases().isEmpty() ? doc.command() : doc.aliases().get(0);
  }

  /** Thrown inside resolution when a phrase names several things equally well. */
  static final class Ambiguous extends RuntimeException {
    Ambiguous(String question) {
      super(question, null, false, false);
    }
  }
}
