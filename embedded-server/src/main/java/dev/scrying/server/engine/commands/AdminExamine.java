package dev.scrying.server.engine.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.server.engine.CommandContext;
import dev.scrying.server.engine.CommandHandler;
import dev.scrying.server.engine.Outcome;
import dev.scrying.server.engine.WorldQuery;
import java.util.List;

/** {@code @examine item|npc|location|player <id>}: the raw JSON and its editable properties. Read-only. */
public final class AdminExamine implements CommandHandler {
  @Override
  public Outcome handle(CommandContext ctx) {
    List<String> args = AdminArgs.of(ctx.command());
    if (args.size() != 2) {
      return Outcome.fail("Usage: @examine item|npc|location|player <id>");
    }
    String kind = args.get(0);
    String id = args.get(1);
    JsonNode target = switch (kind) {
      case "item" -> WorldQuery.findAnywhere(ctx.world(), id).map(l -> (JsonNode) l.item()).orElse(null);
      case "npc" -> ctx.world().path("npcs").get(id);
      case "location" -> ctx.world().path("locations").get(id);
      case "player" -> ctx.state().player(id);
      default -> null;
    };
    if (!List.of("item", "npc", "location", "player").contains(kind)) {
      return Outcome.fail("Unknown object type '" + kind + "'. Use item, npc, location or player.");
    }
    if (target == null) {
      return Outcome.fail("No " + kind + " '" + id + "'.");
    }
    ObjectNode editable = Json.object();
    if (kind.equals("item") || kind.equals("npc")) {
      collectEditable(target, "", editable);
    }
    ObjectNode meta = Json.object().put("command_type", "admin_examine").put("object_type", kind)
        .put("object_id", id).put("admin_command", true);
    meta.set("raw_json", target.deepCopy());
    meta.set("editable_properties", editable);
    return Outcome.read(kind + " " + id + ":\n" + Json.pretty(target), meta);
  }

  private static void collectEditable(JsonNode node, String prefix, ObjectNode out) {
    node.fields().forEachRemaining(f -> {
      String path = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
      JsonNode v = f.getValue();
      if (v.isObject()) {
        collectEditable(v, path, out);
      } else if (v.isValueNode() && !path.equals("instance_id") && !path.equals("template_id")) {
        out.putObject(path).put("type", v.getNodeType().name().toLowerCase()).set("current", v);
      }
    });
  }
}
