package dev.scrying.experiences.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;

/**
 * Builds the elements of {@code world_update.changes[]}. The v0.4 keys the Unity client reads are
 * kept exactly (remove: {@code area_id}, {@code spot_id}, {@code instance_id}; inventory add:
 * {@code instance_id}, {@code area_id:null}, {@code path:"player.inventory"}, {@code item}); the
 * other kinds are additions documented in docs/PROTOCOL.md.
 */
public final class Changes {
  public static final String INVENTORY_PATH = "player.inventory";

  private Changes() {}

  public static ObjectNode itemRemoved(String zone, String area, String spot, String instanceId) {
    ObjectNode c = Json.object().put("operation", "remove");
    c.put("area_id", area).put("spot_id", spot).put("instance_id", instanceId).put("zone_id", zone);
    return c;
  }

  public static ObjectNode itemAdded(String zone, String area, String spot, ObjectNode item) {
    ObjectNode c = Json.object().put("operation", "add");
    c.put("area_id", area).put("spot_id", spot).put("instance_id", item.path("instance_id").asText())
        .put("zone_id", zone);
    c.set("item", item);
    return c;
  }

  public static ObjectNode itemUpdated(String zone, String area, String spot, ObjectNode item) {
    ObjectNode c = Json.object().put("operation", "update");
    c.put("area_id", area).put("spot_id", spot).put("instance_id", item.path("instance_id").asText())
        .put("zone_id", zone);
    c.set("item", item);
    return c;
  }

  public static ObjectNode inventoryAdded(ObjectNode item) {
    ObjectNode c = Json.object().put("operation", "add");
    c.put("instance_id", item.path("instance_id").asText());
    c.set("area_id", NullNode.getInstance());
    c.put("path", INVENTORY_PATH);
    c.set("item", item);
    return c;
  }

  public static ObjectNode inventoryRemoved(String instanceId) {
    ObjectNode c = Json.object().put("operation", "remove");
    c.put("instance_id", instanceId);
    c.set("area_id", NullNode.getInstance());
    c.put("path", INVENTORY_PATH);
    return c;
  }

  public static ObjectNode npcUpdated(String area, String spot, ObjectNode npc) {
    ObjectNode c = Json.object().put("operation", "update");
    c.put("area_id", area).put("spot_id", spot).put("npc_id", npc.path("template_id").asText());
    c.set("npc", npc);
    return c;
  }

  /** A value at a dotted path of the player's view, e.g. {@code player.current_spot}. Null removes it. */
  public static ObjectNode valueSet(String path, JsonNode value) {
    ObjectNode c = Json.object().put("operation", "update");
    c.put("path", path);
    c.set("value", value == null ? NullNode.getInstance() : value);
    return c;
  }

  /** Replaces the whole view (reset, zone change): {@code value} is a fresh projection. */
  public static ObjectNode viewReplaced(ObjectNode view) {
    ObjectNode c = Json.object().put("operation", "replace");
    c.put("path", "");
    c.set("value", view);
    return c;
  }
}
