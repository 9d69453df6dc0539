package dev.scrying.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * How many live client connections the server holds, by kind, and who holds them. The server lists
 * at most a couple of hundred players; {@code playersTotal} counts them all.
 */
public record Connections(int websocket, int chat, int events, int total, List<ConnectedPlayer> players,
    int playersTotal) {
  public static final Connections NONE = new Connections(0, 0, 0, 0, List.of(), 0);

  public Connections {
    players = List.copyOf(players);
  }

  static Connections fromJson(JsonNode n) {
    List<ConnectedPlayer> players = new ArrayList<>();
    n.path("players").forEach(p -> players.add(ConnectedPlayer.fromJson(p)));
    return new Connections(n.path("websocket").asInt(), n.path("chat").asInt(), n.path("events").asInt(),
        n.path("total").asInt(), players, n.path("players_total").asInt(players.size()));
  }
}
