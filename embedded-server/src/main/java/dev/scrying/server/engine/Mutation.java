package dev.scrying.server.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One atomic change to the game state. A command's whole effect is a list of these; the journal
 * stores them, and live application and crash replay run the same {@link GameState#apply} code, so
 * the state after a restart equals the state before it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Mutation.PlayerCreated.class, name = "player_created"),
    @JsonSubTypes.Type(value = Mutation.PlayerSet.class, name = "player_set"),
    @JsonSubTypes.Type(value = Mutation.ItemRemoved.class, name = "item_removed"),
    @JsonSubTypes.Type(value = Mutation.ItemPlaced.class, name = "item_placed"),
    @JsonSubTypes.Type(value = Mutation.ItemSet.class, name = "item_set"),
    @JsonSubTypes.Type(value = Mutation.InventoryRemoved.class, name = "inventory_removed"),
    @JsonSubTypes.Type(value = Mutation.InventoryAdded.class, name = "inventory_added"),
    @JsonSubTypes.Type(value = Mutation.WorldSet.class, name = "world_set"),
    @JsonSubTypes.Type(value = Mutation.NpcReceived.class, name = "npc_received"),
    @JsonSubTypes.Type(value = Mutation.WorldReplaced.class, name = "world_replaced"),
})
public sealed interface Mutation {

  /** Creates a player's view, or replaces it with a fresh one (a player reset). */
  record PlayerCreated(@JsonProperty("user_id") String userId, @JsonProperty("view") ObjectNode view)
      implements Mutation {}

  /** Sets a dotted path inside a player's view, e.g. {@code player.current_spot}. */
  record PlayerSet(@JsonProperty("user_id") String userId, @JsonProperty("path") String path,
      @JsonProperty("value") JsonNode value) implements Mutation {}

  record ItemRemoved(@JsonProperty("zone") String zone, @JsonProperty("area") String area,
      @JsonProperty("spot") String spot, @JsonProperty("instance_id") String instanceId) implements Mutation {}

  record ItemPlaced(@JsonProperty("zone") String zone, @JsonProperty("area") String area,
      @JsonProperty("spot") String spot, @JsonProperty("item") ObjectNode item) implements Mutation {}

  /** Sets a dotted path inside a world item instance (admin {@code @edit}). */
  record ItemSet(@JsonProperty("zone") String zone, @JsonProperty("area") String area,
      @JsonProperty("spot") String spot, @JsonProperty("instance_id") String instanceId,
      @JsonProperty("path") String path, @JsonProperty("value") JsonNode value) implements Mutation {}

  record InventoryRemoved(@JsonProperty("user_id") String userId, @JsonProperty("instance_id") String instanceId)
      implements Mutation {}

  record InventoryAdded(@JsonProperty("user_id") String userId, @JsonProperty("item") ObjectNode item)
      implements Mutation {}

  /** Sets a dotted path in the world outside the item tree: {@code global_state.*} or {@code npcs.<id>.*}. */
  record WorldSet(@JsonProperty("path") String path, @JsonProperty("value") JsonNode value) implements Mutation {}

  record NpcReceived(@JsonProperty("npc_id") String npcId, @JsonProperty("item") ObjectNode item)
      implements Mutation {}

  record WorldReplaced(@JsonProperty("world") ObjectNode world) implements Mutation {}
}
