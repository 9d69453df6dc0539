package dev.scrying.experiences.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;

/**
 * A client's copy of its player view, built only from {@code area_of_interest} snapshots and
 * {@code world_update} deltas, applying the Unity client's version rule. Not thread-safe: one owner
 * (a connection's reader thread) feeds it; {@link #view()} returns a copy for others.
 */
public final class ClientMirror {
  /** What happened to one delta. */
  public enum Outcome { APPLIED, STALE, GAP }

  private ObjectNode view = Json.object();
  private long version = -1;

  /** Replaces the mirror with a snapshot ({@code area_of_interest} or a {@code snapshot} frame). */
  public void applySnapshot(JsonNode aoi) {
    ObjectNode copy = ((ObjectNode) aoi).deepCopy();
    copy.remove(java.util.List.of("type", "timestamp", "snapshot_version"));
    view = copy;
    version = aoi.path("snapshot_version").asLong();
  }

  /** Applies a {@code world_update} if its base matches; older ones are ignored, newer ones are a gap. */
  public Outcome apply(JsonNode event) {
    long base = event.path("base_version").asLong();
    long snapshot = event.path("snapshot_version").asLong();
    if (version < 0 || base > version) {
      return Outcome.GAP;
    }
    if (base < version || snapshot <= version) {
      return Outcome.STALE;
    }
    for (JsonNode change : event.path("changes")) {
      applyChange(change);
    }
    version = snapshot;
    return Outcome.APPLIED;
  }

  public long version() {
    return version;
  }

  public ObjectNode view() {
    return view.deepCopy();
  }

  private void applyChange(JsonNode c) {
    String op = c.path("operation").asText();
    String path = c.path("path").asText(null);
    if ("replace".equals(op)) {
      view = ((ObjectNode) c.path("value")).deepCopy();
    } else if (Changes.INVENTORY_PATH.equals(path)) {
      ArrayNode inventory = (ArrayNode) view.with("player").withArray("inventory");
      removeByInstance(inventory, c.path("instance_id").asText());
      if ("add".equals(op)) {
        inventory.add(c.path("item").deepCopy());
      }
    } else if (c.has("npc_id")) {
      ArrayNode npcs = spot(c).withArray("npcs");
      for (int i = 0; i < npcs.size(); i++) {
        if (npcs.get(i).path("template_id").asText().equals(c.path("npc_id").asText())) {
          npcs.set(i, c.path("npc").deepCopy());
        }
      }
    } else if (c.has("spot_id")) {
      applySpotChange(op, c);
    } else if (path != null) {
      setPath(path, c.path("value"));
    }
  }

  private void applySpotChange(String op, JsonNode c) {
    ArrayNode items = spot(c).withArray("items");
    String id = c.path("instance_id").asText();
    switch (op) {
      case "remove" -> removeByInstance(items, id);
      case "add" -> items.add(c.path("item").deepCopy());
      case "update" -> {
        for (int i = 0; i < items.size(); i++) {
          if (items.get(i).path("instance_id").asText().equals(id)) {
            items.set(i, c.path("item").deepCopy());
          }
        }
      }
      default -> { }
    }
  }

  private ObjectNode spot(JsonNode c) {
    return view.with("areas").with(c.path("area_id").asText()).with("spots").with(c.path("spot_id").asText());
  }

  private void setPath(String dotted, JsonNode value) {
    String[] parts = dotted.split("\\.");
    ObjectNode node = view;
    for (int i = 0; i < parts.length - 1; i++) {
      node = node.with(parts[i]);
    }
    String last = parts[parts.length - 1];
    if (value == null || value.isNull() || value.isMissingNode()) {
      node.remove(last);
    } else {
      node.set(last, value.deepCopy());
    }
  }

  private static void removeByInstance(ArrayNode array, String instanceId) {
    for (int i = array.size() - 1; i >= 0; i--) {
      if (array.get(i).path("instance_id").asText().equals(instanceId)) {
        array.remove(i);
      }
    }
  }
}
