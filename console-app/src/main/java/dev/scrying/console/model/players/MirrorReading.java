package dev.scrying.console.model.players;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.scenarios.client.ConnectionState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the Players panel needs out of JSON: a card from a client mirror, the targets in a
 * player's reach per command field, the zones of the world, the commands of a {@code commands_schema}.
 * Pure functions.
 */
public final class MirrorReading {
  private MirrorReading() {}

  public static PlayerCard card(String userId, ConnectionState state, JsonNode mirror, long version, int problems,
      MirrorCheck check) {
    JsonNode p = mirror.path("player");
    List<String> inventory = new ArrayList<>();
    p.path("inventory").forEach(i -> inventory.add(i.path("semantic_name").asText(i.path("instance_id").asText())));
    String area = p.path("current_area").asText("");
    String spot = p.path("current_spot").asText("");
    String place = spotName(mirror, area, spot);
    return new PlayerCard(userId, state, mirror.path("zone").path("name").asText(p.path("current_location").asText("")),
        place, version, inventory, check, problems);
  }

  private static String spotName(JsonNode mirror, String area, String spot) {
    JsonNode s = mirror.path("areas").path(area).path("spots").path(spot);
    return s.path("name").asText(spot.isEmpty() ? area : spot);
  }

  /** For each field a command may take, what in the player's view it can name. */
  public static Map<String, List<Target>> targets(JsonNode mirror, List<ZoneChoice> zones) {
    List<Target> items = new ArrayList<>();
    List<Target> npcs = new ArrayList<>();
    List<Target> places = new ArrayList<>();
    for (JsonNode area : mirror.path("areas")) {
      places.add(new Target(area.path("id").asText(), area.path("name").asText()));
      for (JsonNode spot : area.path("spots")) {
        places.add(new Target(spot.path("id").asText(), spot.path("name").asText()));
        spot.path("items").forEach(i -> items.add(item(i)));
        spot.path("npcs").forEach(n -> npcs.add(new Target(n.path("template_id").asText(), n.path("name").asText())));
      }
    }
    List<Target> held = new ArrayList<>();
    mirror.path("player").path("inventory").forEach(i -> held.add(item(i)));
    zones.forEach(z -> places.add(new Target(z.id(), z.name())));
    Map<String, List<Target>> out = new LinkedHashMap<>();
    List<Target> anyItem = new ArrayList<>(items);
    anyItem.addAll(held);
    out.put("instance_id", anyItem);
    out.put("npc_id", npcs);
    out.put("target_npc_id", npcs);
    out.put("destination", places);
    return out;
  }

  private static Target item(JsonNode i) {
    return new Target(i.path("instance_id").asText(), i.path("semantic_name").asText(i.path("instance_id").asText()));
  }

  public static List<ZoneChoice> zones(JsonNode world) {
    List<ZoneChoice> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = world.path("locations").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> z = it.next();
      JsonNode gps = z.getValue().path("gps");
      if (gps.has("lat") && gps.has("lng")) {
        out.add(new ZoneChoice(z.getKey(), z.getValue().path("name").asText(z.getKey()), gps.path("lat").asDouble(),
            gps.path("lng").asDouble()));
      }
    }
    return out;
  }

  /** The player commands of a {@code commands_schema} frame, without {@code update_location} (the GPS picker sends it). */
  public static List<CommandSpec> commands(JsonNode schema) {
    List<CommandSpec> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("commands").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> c = it.next();
      if (c.getKey().equals("update_location")) {
        continue;
      }
      List<String> fields = new ArrayList<>();
      c.getValue().path("properties").fieldNames().forEachRemaining(f -> {
        if (!f.equals("type") && !f.equals("action")) {
          fields.add(f);
        }
      });
      out.add(new CommandSpec(c.getKey(), c.getValue().path("description").asText(""), fields));
    }
    return out;
  }
}
