package dev.scrying.experiences.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.Experience;
import java.util.Iterator;
import java.util.Map;

/**
 * What one player can see: their zone (areas, spots, visible items merged with templates, NPCs),
 * the other players present, their own state and the global state. This is the body of an
 * {@code area_of_interest} and the thing a client mirror must converge to. Pure function; callers
 * pass state they own and get a fresh tree back.
 */
public final class PlayerProjection {
  private PlayerProjection() {}

  public static ObjectNode project(Experience experience, JsonNode world, Map<String, ? extends JsonNode> players,
      String userId) {
    JsonNode view = players.containsKey(userId) ? players.get(userId) : PlayerViews.fresh(experience, userId, 0);
    JsonNode player = view.path("player");
    String zoneId = player.path("current_location").asText();
    JsonNode zone = world.path("locations").path(zoneId);

    ObjectNode out = Json.object();
    ObjectNode zoneOut = out.putObject("zone");
    zoneOut.put("id", zoneId);
    zoneOut.put("name", zone.path("name").asText());
    zoneOut.put("description", zone.path("description").asText());
    zoneOut.set("gps", zone.path("gps").deepCopy());
    out.set("areas", areas(experience, world, zone));
    out.set("players", presence(players, userId, zoneId));
    out.set("player", playerPart(experience, player));
    out.set("global_state", world.path("global_state").deepCopy());
    return out;
  }

  private static ObjectNode areas(Experience experience, JsonNode world, JsonNode zone) {
    ObjectNode areas = Json.object();
    for (Iterator<Map.Entry<String, JsonNode>> it = zone.path("areas").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> area = it.next();
      ObjectNode areaOut = areas.putObject(area.getKey());
      areaOut.put("id", area.getKey());
      areaOut.put("name", area.getValue().path("name").asText());
      areaOut.put("description", area.getValue().path("description").asText());
      ObjectNode spots = areaOut.putObject("spots");
      for (Iterator<Map.Entry<String, JsonNode>> s = area.getValue().path("spots").fields(); s.hasNext(); ) {
        Map.Entry<String, JsonNode> spot = s.next();
        spots.set(spot.getKey(), spot(experience, world, spot.getKey(), spot.getValue()));
      }
    }
    return areas;
  }

  private static ObjectNode spot(Experience experience, JsonNode world, String spotId, JsonNode spot) {
    ObjectNode out = Json.object();
    out.put("id", spotId);
    out.put("name", spot.path("name").asText());
    out.put("description", spot.path("description").asText());
    ArrayNode items = out.putArray("items");
    for (JsonNode item : spot.path("items")) {
      if (isVisible(item)) {
        items.add(mergeItem(experience, item));
      }
    }
    ArrayNode npcs = out.putArray("npcs");
    if (spot.hasNonNull("npc")) {
      String npcId = spot.path("npc").asText();
      JsonNode npc = world.path("npcs").path(npcId);
      if (!npc.isMissingNode()) {
        npcs.add(mergeNpc(npcId, npc));
      }
    }
    return out;
  }

  private static ObjectNode presence(Map<String, ? extends JsonNode> players, String self, String zoneId) {
    ObjectNode out = Json.object();
    players.entrySet().stream()
        .filter(e -> !e.getKey().equals(self))
        .filter(e -> zoneId.equals(e.getValue().path("player").path("current_location").asText()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.set(e.getKey(), presenceOf(e.getValue())));
    return out;
  }

  /** How other players in the zone see this one. */
  public static ObjectNode presenceOf(JsonNode view) {
    JsonNode p = view.path("player");
    ObjectNode out = Json.object();
    out.put("area", p.path("current_area").asText());
    out.put("spot", p.path("current_spot").asText());
    return out;
  }

  private static ObjectNode playerPart(Experience experience, JsonNode player) {
    ObjectNode out = Json.object();
    out.put("current_location", player.path("current_location").asText());
    out.put("current_area", player.path("current_area").asText());
    out.put("current_spot", player.path("current_spot").asText());
    ArrayNode inventory = out.putArray("inventory");
    for (JsonNode item : player.path("inventory")) {
      inventory.add(mergeItem(experience, item));
    }
    out.set("stats", player.path("stats").deepCopy());
    out.set("status_effects", player.path("status_effects").isArray()
        ? player.path("status_effects").deepCopy() : Json.MAPPER.createArrayNode());
    out.set("quests", player.path("quests").isObject() ? player.path("quests").deepCopy() : Json.object());
    return out;
  }

  public static boolean isVisible(JsonNode item) {
    return item.path("visible").asBoolean(true);
  }

  /** Template fields overlaid by the instance's own fields (instance wins), without the NL aliases. */
  public static ObjectNode mergeItem(Experience experience, JsonNode item) {
    ObjectNode merged = Json.object();
    String templateId = item.path("template_id").asText();
    experience.itemTemplate(templateId).ifPresent(t -> merged.setAll(t.deepCopy()));
    merged.remove("aliases");
    merged.put("instance_id", item.path("instance_id").asText());
    merged.put("template_id", templateId);
    item.fields().forEachRemaining(f -> merged.set(f.getKey(), f.getValue().deepCopy()));
    return merged;
  }

  public static ObjectNode mergeNpc(String npcId, JsonNode npc) {
    ObjectNode merged = Json.object();
    merged.put("instance_id", npcId + "_1");
    merged.put("template_id", npcId);
    npc.fields().forEachRemaining(f -> merged.set(f.getKey(), f.getValue().deepCopy()));
    return merged;
  }
}
