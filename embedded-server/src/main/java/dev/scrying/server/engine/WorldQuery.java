package dev.scrying.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only look-ups over a world tree. Stateless; callers own the tree they pass. */
public final class WorldQuery {
  private WorldQuery() {}

  public static List<SpotRef> spots(JsonNode world, String zone) {
    List<SpotRef> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> a = world.path("locations").path(zone).path("areas").fields(); a.hasNext(); ) {
      Map.Entry<String, JsonNode> area = a.next();
      area.getValue().path("spots").fieldNames().forEachRemaining(s -> out.add(new SpotRef(zone, area.getKey(), s)));
    }
    return out;
  }

  public static List<SpotRef> allSpots(JsonNode world) {
    List<SpotRef> out = new ArrayList<>();
    world.path("locations").fieldNames().forEachRemaining(z -> out.addAll(spots(world, z)));
    return out;
  }

  public static JsonNode spot(JsonNode world, SpotRef ref) {
    return world.path("locations").path(ref.zone()).path("areas").path(ref.area()).path("spots").path(ref.spot());
  }

  public static List<ItemLocation> itemsIn(JsonNode world, List<SpotRef> spots) {
    List<ItemLocation> out = new ArrayList<>();
    for (SpotRef ref : spots) {
      for (JsonNode item : spot(world, ref).path("items")) {
        out.add(new ItemLocation(ref.zone(), ref.area(), ref.spot(), (ObjectNode) item));
      }
    }
    return out;
  }

  public static Optional<ItemLocation> find(JsonNode world, List<SpotRef> spots, String instanceId) {
    return itemsIn(world, spots).stream().filter(l -> l.instanceId().equals(instanceId)).findFirst();
  }

  public static Optional<ItemLocation> findAnywhere(JsonNode world, String instanceId) {
    return find(world, allSpots(world), instanceId);
  }

  /** The spot an NPC stands on. */
  public static Optional<SpotRef> npcSpot(JsonNode world, String npcId) {
    return allSpots(world).stream().filter(r -> npcId.equals(spot(world, r).path("npc").asText(null))).findFirst();
  }

  public static Optional<SpotRef> templateLocation(JsonNode template, String instanceId) {
    return find(template, allSpots(template), instanceId).map(l -> new SpotRef(l.zone(), l.area(), l.spot()));
  }

  public static String name(JsonNode node, String fallback) {
    return node.path("name").asText(fallback);
  }
}
