package dev.scrying.experiences.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Checks what a schema cannot: that ids named in one place exist in another, and are unique. */
final class CrossReferences {
  private CrossReferences() {}

  static void check(Experience e) {
    Set<String> instanceIds = new HashSet<>();
    Set<String> npcsPlaced = new HashSet<>();
    JsonNode world = e.worldTemplate();
    for (Iterator<Map.Entry<String, JsonNode>> zones = world.path("locations").fields(); zones.hasNext(); ) {
      Map.Entry<String, JsonNode> zone = zones.next();
      for (Iterator<Map.Entry<String, JsonNode>> areas = zone.getValue().path("areas").fields(); areas.hasNext(); ) {
        Map.Entry<String, JsonNode> area = areas.next();
        for (Iterator<Map.Entry<String, JsonNode>> spots = area.getValue().path("spots").fields(); spots.hasNext(); ) {
          Map.Entry<String, JsonNode> spot = spots.next();
          String spotPath = "/locations/" + zone.getKey() + "/areas/" + area.getKey() + "/spots/" + spot.getKey();
          checkSpot(e, spot.getValue(), spotPath, instanceIds, npcsPlaced);
        }
      }
    }
    for (Iterator<String> npcs = world.path("npcs").fieldNames(); npcs.hasNext(); ) {
      String npc = npcs.next();
      if (!npcsPlaced.contains(npc)) {
        throw new ContentException("world.template.json", "/npcs/" + npc, "NPC is not placed on any spot");
      }
    }
    checkBootstrap(e);
    checkQuest(e);
  }

  private static void checkSpot(Experience e, JsonNode spot, String spotPath, Set<String> instanceIds,
      Set<String> npcsPlaced) {
    JsonNode npc = spot.get("npc");
    if (npc != null) {
      if (!e.worldTemplate().path("npcs").has(npc.asText())) {
        throw new ContentException("world.template.json", spotPath + "/npc", "unknown NPC '" + npc.asText() + "'");
      }
      if (!npcsPlaced.add(npc.asText())) {
        throw new ContentException("world.template.json", spotPath + "/npc",
            "NPC '" + npc.asText() + "' is placed on more than one spot");
      }
    }
    JsonNode items = spot.path("items");
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String itemPath = spotPath + "/items/" + i;
      String template = item.path("template_id").asText();
      if (!e.itemTemplates().containsKey(template)) {
        throw new ContentException("world.template.json", itemPath + "/template_id",
            "unknown item template '" + template + "'");
      }
      if (!instanceIds.add(item.path("instance_id").asText())) {
        throw new ContentException("world.template.json", itemPath + "/instance_id",
            "instance id '" + item.path("instance_id").asText() + "' is used twice");
      }
    }
  }

  private static void checkBootstrap(Experience e) {
    JsonNode b = e.bootstrap();
    JsonNode zone = e.worldTemplate().path("locations").path(b.path("zone").asText());
    if (zone.isMissingNode()) {
      throw new ContentException("experience.json", "/bootstrap/zone", "unknown zone '" + b.path("zone").asText() + "'");
    }
    JsonNode area = zone.path("areas").path(b.path("area").asText());
    if (area.isMissingNode()) {
      throw new ContentException("experience.json", "/bootstrap/area", "unknown area '" + b.path("area").asText() + "'");
    }
    if (area.path("spots").path(b.path("spot").asText()).isMissingNode()) {
      throw new ContentException("experience.json", "/bootstrap/spot", "unknown spot '" + b.path("spot").asText() + "'");
    }
  }

  private static void checkQuest(Experience e) {
    JsonNode quest = e.quest();
    if (quest.isMissingNode()) {
      return;
    }
    if (!e.worldTemplate().path("npcs").has(quest.path("npc").asText())) {
      throw new ContentException("experience.json", "/quest/npc", "unknown NPC '" + quest.path("npc").asText() + "'");
    }
    for (String key : new String[] {"required_global", "found_global"}) {
      if (!e.worldTemplate().path("global_state").has(quest.path(key).asText())) {
        throw new ContentException("experience.json", "/quest/" + key,
            "global_state has no '" + quest.path(key).asText() + "'");
      }
    }
  }
}
