package dev.scrying.server.engine.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scrying.experiences.Json;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.CommandHandler;
import dev.scrying.server.engine.ItemLocation;
import dev.scrying.server.engine.Mutation;
import dev.scrying.server.engine.Outcome;
import dev.scrying.server.engine.WorldQuery;
import java.util.List;
import java.util.Optional;

/**
 * {@code @edit item|npc <id> <property.path> <value>} and {@code @edit global <key> <value>}. The new
 * value is parsed as the type of the old one, so "1" stays a string where a string was, and a
 * boolean only accepts true/false/yes/no/on/off.
 */
public final class AdminEdit implements CommandHandler {
  private static final List<String> PROTECTED = List.of("instance_id", "template_id");

  @Override
  public Outcome handle(CommandContext ctx) {
    List<String> a = AdminArgs.of(ctx.command());
    if (a.size() >= 3 && a.get(0).equals("global")) {
      return editGlobal(ctx, a.get(1), String.join(" ", a.subList(2, a.size())));
    }
    if (a.size() < 4 || !(a.get(0).equals("item") || a.get(0).equals("npc"))) {
      return Outcome.fail("Usage: @edit item <id> <property> <value> | @edit npc <id> <property> <value> | @edit global <key> <value>");
    }
    String path = a.get(2);
    if (PROTECTED.contains(path) || !path.matches("[a-z0-9_]+(\\.[a-z0-9_]+)*")) {
      return Outcome.fail("Property '" + path + "' cannot be edited.");
    }
    String raw = String.join(" ", a.subList(3, a.size()));
    return a.get(0).equals("item") ? editItem(ctx, a.get(1), path, raw) : editNpc(ctx, a.get(1), path, raw);
  }

  private Outcome editItem(CommandContext ctx, String id, String path, String raw) {
    Optional<ItemLocation> at = WorldQuery.findAnywhere(ctx.world(), id);
    if (at.isEmpty()) {
      return Outcome.fail("No item '" + id + "' in the world.");
    }
    JsonNode old = at.get().item().at("/" + path.replace('.', '/'));
    Optional<JsonNode> value = parseLike(old, raw);
    if (value.isEmpty()) {
      return Outcome.fail("Type mismatch: " + path + " is " + describe(old) + "; '" + raw + "' is not.");
    }
    ItemLocation l = at.get();
    return done(ctx, "item", id, path, old, value.get(),
        new Mutation.ItemSet(l.zone(), l.area(), l.spot(), id, path, value.get()));
  }

  private Outcome editNpc(CommandContext ctx, String id, String path, String raw) {
    if (!ctx.world().path("npcs").has(id)) {
      return Outcome.fail("No NPC '" + id + "'.");
    }
    JsonNode old = ctx.world().path("npcs").path(id).at("/" + path.replace('.', '/'));
    Optional<JsonNode> value = parseLike(old, raw);
    if (value.isEmpty()) {
      return Outcome.fail("Type mismatch: " + path + " is " + describe(old) + "; '" + raw + "' is not.");
    }
    return done(ctx, "npc", id, path, old, value.get(), new Mutation.WorldSet("npcs." + id + "." + path, value.get()));
  }

  private Outcome editGlobal(CommandContext ctx, String key, String raw) {
    if (!key.matches("[a-z0-9_]+")) {
      return Outcome.fail("Global key '" + key + "' is not valid.");
    }
    JsonNode old = ctx.world().path("global_state").path(key);
    Optional<JsonNode> value = parseLike(old, raw);
    if (value.isEmpty()) {
      return Outcome.fail("Type mismatch: " + key + " is " + describe(old) + "; '" + raw + "' is not.");
    }
    return done(ctx, "global", key, key, old, value.get(), new Mutation.WorldSet("global_state." + key, value.get()));
  }

  private Outcome done(CommandContext ctx, String kind, String id, String path, JsonNode old, JsonNode value, Mutation m) {
    var meta = Json.object().put("command_type", "admin_edit").put("object_type", kind).put("object_id", id)
        .put("property", path).put("admin_command", true);
    meta.set("old_value", old.isMissingNode() ? null : old.deepCopy());
    meta.set("new_value", value);
    String impact = path.equals("visible") ? " Players nearby will " + (value.asBoolean() ? "now see" : "no longer see") + " it." : "";
    return Outcome.change("Edited " + kind + " " + id + ": " + path + " " + (old.isMissingNode() ? "(unset)" : old.toString())
        + " -> " + value + "." + impact, meta, List.of(m));
  }

  /** Parses {@code raw} as the type of {@code old}; a missing old value accepts any JSON scalar or string. */
  static Optional<JsonNode> parseLike(JsonNode old, String raw) {
    String r = raw.trim();
    if (old.isBoolean() || (old.isMissingNode() && r.matches("(?i)true|false"))) {
      return switch (r.toLowerCase()) {
        case "true", "yes", "on" -> Optional.of(BooleanNode.TRUE);
        case "false", "no", "off" -> Optional.of(BooleanNode.FALSE);
        default -> Optional.empty();
      };
    }
    if (old.isIntegralNumber()) {
      try {
        return Optional.of(LongNode.valueOf(Long.parseLong(r)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    if (old.isNumber()) {
      try {
        return Optional.of(DoubleNode.valueOf(Double.parseDouble(r)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    if (old.isContainerNode()) {
      try {
        JsonNode parsed = Json.parse(r);
        return parsed.getNodeType() == old.getNodeType() ? Optional.of(parsed) : Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.of(TextNode.valueOf(r));
  }

  private static String describe(JsonNode old) {
    return old.isMissingNode() ? "unset" : "a " + old.getNodeType().name().toLowerCase();
  }
}
