package dev.scrying.server.engine.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.CommandDoc;
import dev.scrying.experiences.protocol.PlayerProjection;
import dev.scrying.server.engine.Command;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.ItemLocation;
import dev.scrying.server.engine.Outcome;
import dev.scrying.server.engine.SpotRef;
import dev.scrying.server.engine.WorldQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what a player typed into a structured command without any LLM: "@reset world CONFIRM",
 * "collect_item bottle_joy", or natural language ("grab the joy bottle", "give it to Louisa",
 * "what do I have") through the command docs' verb aliases and the names of things in reach.
 * Ambiguity asks back; nonsense lists what is possible here. Runs on the writer thread.
 */
public final class TextCommands {
  private TextCommands() {}

  public static ParseResult parse(CommandContext ctx, String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      return reply(Outcome.fail("Say something, for example 'look around' or 'help'."));
    }
    if (trimmed.startsWith("@")) {
      return admin(ctx, trimmed);
    }
    List<String> raw = Phrase.raw(trimmed);
    Optional<ParseResult> structured = structured(ctx, trimmed, raw);
    if (structured.isPresent()) {
      return structured.get();
    }
    Verb verb = verb(ctx, raw).orElse(null);
    if (verb == null) {
      return reply(Outcome.fail("I don't know how to '" + trimmed + "'. " + Suggestions.here(ctx),
          Json.object().put("error_code", "not_understood")));
    }
    Phrase rest = Phrase.of(String.join(" ", raw.subList(verb.length(), raw.size())));
    try {
      return Resolver.resolve(ctx, verb.doc(), rest, trimmed);
    } catch (Resolver.Ambiguous e) {
      return reply(Outcome.fail(e.getMessage(), Json.object().put("error_code", "ambiguous")));
    }
  }

  private static ParseResult admin(CommandContext ctx, String text) {
    String[] tokens = text.split("\\s+");
    ObjectNode fields = Json.object();
    var args = fields.putArray("args");
    for (int i = 1; i < tokens.length; i++) {
      args.add(tokens[i]);
    }
    return parsed(ctx, tokens[0].toLowerCase(), fields, text);
  }

  /** "collect_item bottle_joy" or "give_item bottle_joy louisa": positional fields in doc order. */
  private static Optional<ParseResult> structured(CommandContext ctx, String text, List<String> raw) {
    String first = text.split("\\s+")[0];
    Optional<CommandDoc> doc = ctx.experience().command(first);
    if (doc.isEmpty() || (raw.size() > 1 && doc.get().fields().isEmpty())) {
      return Optional.empty();
    }
    String[] tokens = text.split("\\s+");
    List<String> fieldNames = doc.get().fields();
    if (tokens.length - 1 > fieldNames.size() || !allIds(tokens) || !allKnown(ctx, tokens)) {
      return Optional.empty();
    }
    ObjectNode fields = Json.object();
    for (int i = 1; i < tokens.length; i++) {
      fields.put(fieldNames.get(i - 1), tokens[i]);
    }
    return Optional.of(parsed(ctx, first, fields, text));
  }

  /** "talk to louisa" is language, "talk louisa" is structured: every argument must name something real. */
  private static boolean allKnown(CommandContext ctx, String[] tokens) {
    java.util.Set<String> known = new java.util.HashSet<>();
    WorldQuery.itemsIn(ctx.world(), WorldQuery.allSpots(ctx.world())).forEach(l -> known.add(l.instanceId()));
    ctx.player().path("inventory").forEach(i -> known.add(i.path("instance_id").asText()));
    ctx.world().path("npcs").fieldNames().forEachRemaining(known::add);
    ctx.world().path("locations").fieldNames().forEachRemaining(known::add);
    WorldQuery.allSpots(ctx.world()).forEach(s -> {
      known.add(s.spot());
      known.add(s.area());
    });
    known.addAll(ctx.state().players().keySet());
    ctx.experience().commands().forEach(d -> known.add(d.command()));
    if (ctx.experience().quest().isObject()) {
      known.add(ctx.experience().quest().path("id").asText());
    }
    for (int i = 1; i < tokens.length; i++) {
      if (!known.contains(tokens[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean allIds(String[] tokens) {
    for (int i = 1; i < tokens.length; i++) {
      if (!tokens[i].matches("[A-Za-z0-9_-]+")) {
        return false;
      }
    }
    return true;
  }

  record Verb(CommandDoc doc, int length) {}

  /** The command whose alias is the longest prefix of the words typed. */
  static Optional<Verb> verb(CommandContext ctx, List<String> raw) {
    Verb best = null;
    for (CommandDoc doc : ctx.experience().commands()) {
      if (doc.requiresAdmin()) {
        continue;
      }
      List<String> names = new ArrayList<>(doc.aliases());
      names.add(doc.command());
      for (String alias : names) {
        List<String> a = Phrase.raw(alias);
        if (!a.isEmpty() && a.size() <= raw.size() && raw.subList(0, a.size()).equals(a)
            && (best == null || a.size() > best.length())) {
          best = new Verb(doc, a.size());
        }
      }
    }
    return Optional.ofNullable(best);
  }

  static ParseResult parsed(CommandContext ctx, String action, ObjectNode fields, String text) {
    Command c = ctx.command();
    return new ParseResult.Parsed(new Command(action, fields, c.userId(), c.admin(), c.requestId(), c.traceId(), text));
  }

  static ParseResult reply(Outcome outcome) {
    return new ParseResult.Reply(outcome);
  }

  /** Entities a phrase may name, built from the world around the player. */
  static final class Entities {
    private Entities() {}

    static List<Entity> itemsInZone(CommandContext ctx) {
      List<Entity> out = new ArrayList<>();
      Set<String> reach = new LinkedHashSet<>();
      ctx.reach().forEach(r -> reach.add(r.spot()));
      for (ItemLocation l : WorldQuery.itemsIn(ctx.world(), WorldQuery.spots(ctx.world(), ctx.zone()))) {
        if (PlayerProjection.isVisible(l.item())) {
          out.add(item(ctx, l.item(), reach.contains(l.spot()) && l.area().equals(ctx.area()) ? 2 : 1));
        }
      }
      return out;
    }

    static List<Entity> inventory(CommandContext ctx) {
      List<Entity> out = new ArrayList<>();
      ctx.player().path("inventory").forEach(i -> out.add(item(ctx, i, 3)));
      return out;
    }

    static Entity item(CommandContext ctx, JsonNode item, int priority) {
      List<Phrase> names = new ArrayList<>();
      String id = item.path("instance_id").asText();
      names.add(Phrase.of(id.replace('_', ' ')));
      names.add(Phrase.of(id));
      names.add(Phrase.of(ctx.itemName(item)));
      ctx.experience().itemTemplate(item.path("template_id").asText())
          .ifPresent(t -> t.path("aliases").forEach(a -> names.add(Phrase.of(a.asText()))));
      return new Entity(id, ctx.itemName(item), names, priority);
    }

    static List<Entity> npcs(CommandContext ctx) {
      List<Entity> out = new ArrayList<>();
      ctx.world().path("npcs").fields().forEachRemaining(e -> {
        List<Phrase> names = new ArrayList<>();
        names.add(Phrase.of(e.getKey()));
        names.add(Phrase.of(e.getValue().path("name").asText(e.getKey())));
        ctx.experience().narrative().path("npcs").path(e.getKey()).path("aliases")
            .forEach(a -> names.add(Phrase.of(a.asText())));
        boolean near = WorldQuery.npcSpot(ctx.world(), e.getKey())
            .map(s -> s.zone().equals(ctx.zone()) && s.area().equals(ctx.area())).orElse(false);
        out.add(new Entity(e.getKey(), e.getValue().path("name").asText(e.getKey()), names, near ? 2 : 1));
      });
      return out;
    }

    static List<Entity> players(CommandContext ctx) {
      List<Entity> out = new ArrayList<>();
      for (Map.Entry<String, ObjectNode> p : ctx.state().players().entrySet()) {
        if (!p.getKey().equals(ctx.userId())) {
          out.add(new Entity(p.getKey(), p.getKey(), List.of(Phrase.of(p.getKey())), 1));
        }
      }
      return out;
    }

    static List<Entity> places(CommandContext ctx) {
      List<Entity> out = new ArrayList<>();
      JsonNode world = ctx.world();
      for (SpotRef s : WorldQuery.spots(world, ctx.zone())) {
        JsonNode spot = WorldQuery.spot(world, s);
        out.add(new Entity(s.spot(), spot.path("name").asText(s.spot()),
            List.of(Phrase.of(s.spot().replace('_', ' ')), Phrase.of(s.spot()), Phrase.of(spot.path("name").asText(""))), 3));
      }
      world.path("locations").path(ctx.zone()).path("areas").fields().forEachRemaining(a -> out.add(new Entity(a.getKey(),
          a.getValue().path("name").asText(a.getKey()),
          List.of(Phrase.of(a.getKey().replace('_', ' ')), Phrase.of(a.getValue().path("name").asText(""))), 2)));
      world.path("locations").fields().forEachRemaining(z -> out.add(new Entity(z.getKey(),
          z.getValue().path("name").asText(z.getKey()),
          List.of(Phrase.of(z.getKey().replace('_', ' ')), Phrase.of(z.getValue().path("name").asText(""))), 1)));
      return out;
    }
  }
}
