package dev.scrying.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.content.Experience;
import dev.scrying.experiences.protocol.PlayerViews;
import java.util.List;
import java.util.Optional;

/**
 * Everything a handler may read while deciding a command: the experience, the state before the
 * command, the actor's view (a fresh one for a new player) and the world history. Valid only on the
 * writer thread for the duration of one command.
 */
public final class CommandContext {
  private final Experience experience;
  private final GameState state;
  private final Command command;
  private final ObjectNode view;
  private final long now;
  private final WorldHistory history;

  public CommandContext(Experience experience, GameState state, Command command, long nowMillis, WorldHistory history) {
    this.experience = experience;
    this.state = state;
    this.command = command;
    this.now = nowMillis;
    this.history = history;
    ObjectNode existing = state.player(command.userId());
    this.view = existing != null ? existing : PlayerViews.fresh(experience, command.userId(), nowMillis);
  }

  public Experience experience() {
    return experience;
  }

  public GameState state() {
    return state;
  }

  public JsonNode world() {
    return state.world();
  }

  public Command command() {
    return command;
  }

  public String userId() {
    return command.userId();
  }

  public ObjectNode view() {
    return view;
  }

  public long now() {
    return now;
  }

  public WorldHistory history() {
    return history;
  }

  public JsonNode player() {
    return view.path("player");
  }

  public String zone() {
    return player().path("current_location").asText();
  }

  public String area() {
    return player().path("current_area").asText();
  }

  public String spot() {
    return player().path("current_spot").asText();
  }

  public SpotRef here() {
    return new SpotRef(zone(), area(), spot());
  }

  /** Spots within reach: every spot of the player's current area. */
  public List<SpotRef> reach() {
    return WorldQuery.spots(world(), zone()).stream().filter(s -> s.area().equals(area())).toList();
  }

  public Optional<ObjectNode> inventoryItem(String instanceId) {
    for (JsonNode item : player().path("inventory")) {
      if (item.path("instance_id").asText().equals(instanceId)) {
        return Optional.of((ObjectNode) item);
      }
    }
    return Optional.empty();
  }

  /** The item's display name: instance name, else template name, else its id. */
  public String itemName(JsonNode item) {
    if (item.hasNonNull("semantic_name")) {
      return item.path("semantic_name").asText();
    }
    return experience.itemTemplate(item.path("template_id").asText())
        .map(t -> t.path("semantic_name").asText(item.path("instance_id").asText()))
        .orElse(item.path("instance_id").asText());
  }

  /** A template or instance property, instance first. */
  public JsonNode itemProperty(JsonNode item, String property) {
    if (item.has(property)) {
      return item.get(property);
    }
    return experience.itemTemplate(item.path("template_id").asText())
        .map(t -> t.path(property)).orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
  }

  public String npcName(String npcId) {
    return world().path("npcs").path(npcId).path("name").asText(npcId);
  }

  public String placeName(SpotRef ref) {
    return WorldQuery.spot(world(), ref).path("name").asText(ref.spot());
  }
}
