package dev.scrying.experiences.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.Experience;

/** The stored per-player view ({@code players/<id>.json}) and how a new player's view starts. */
public final class PlayerViews {
  private PlayerViews() {}

  /** The view a player has before their first state change, from the experience's bootstrap. */
  public static ObjectNode fresh(Experience experience, String userId, long createdAt) {
    JsonNode b = experience.bootstrap();
    ObjectNode view = Json.object();
    view.put("user_id", userId);
    ObjectNode player = view.putObject("player");
    player.put("current_location", b.path("zone").asText());
    player.put("current_area", b.path("area").asText());
    player.put("current_spot", b.path("spot").asText());
    player.set("inventory", b.path("inventory").isArray() ? b.path("inventory").deepCopy() : Json.MAPPER.createArrayNode());
    ObjectNode stats = player.putObject("stats");
    stats.put("health", b.path("health").asInt(100));
    stats.put("max_health", b.path("max_health").asInt(100));
    player.putArray("status_effects");
    player.putObject("quests");
    ObjectNode progress = view.putObject("progress");
    progress.putArray("visited_locations").add(b.path("zone").asText());
    progress.put("bottles_given", 0);
    view.putObject("metadata").put("_created_at", createdAt);
    return view;
  }
}
