package dev.scrying.scenarios.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.scenarios.client.ServerHandle;
import dev.scrying.scenarios.format.JsonPath;
import dev.scrying.scenarios.format.StateSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads the state that checks look at, over the wire: the world ({@code GET /experience/{exp}/world}
 * as admin), a player's stored view ({@code GET /experience/{exp}/players/{id}}), a player's mirror, and
 * the server status. Thread-safe.
 */
final class StateReader {
  private final ServerHandle server;
  private final String experience;
  private final ScenarioPlayers players;

  StateReader(ServerHandle server, String experience, ScenarioPlayers players) {
    this.server = server;
    this.experience = experience;
    this.players = players;
  }

  /** The value at {@code path} in the world ({@code player == null}) or in a player's state. */
  JsonNode read(@Nullable String player, String path, StateSource from) {
    JsonNode root;
    if (player == null) {
      root = server.get("/experience/" + experience + "/world").path("world");
    } else if (from == StateSource.MIRROR) {
      root = players.get(player).mirror();
    } else {
      root = server.get("/experience/" + experience + "/players/" + player).path("view");
    }
    return JsonPath.resolve(root, path);
  }

  JsonNode status(String path) {
    return JsonPath.resolve(server.status(), path);
  }

  JsonNode world() {
    return server.get("/experience/" + experience + "/world").path("world");
  }
}
