package dev.scrying.console.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One player with live connections to the server, counted by kind, as {@code /admin/status} lists it. */
public record ConnectedPlayer(String userId, int websocket, int chat, int events) {

  static ConnectedPlayer fromJson(JsonNode n) {
    return new ConnectedPlayer(n.path("user_id").asText(), n.path("websocket").asInt(), n.path("chat").asInt(),
        n.path("events").asInt());
  }

  /** "alice: WebSocket, 2 event streams": what the status bar's tooltip says about this player. */
  public String describe() {
    List<String> kinds = new ArrayList<>();
    add(kinds, websocket, "WebSocket", "WebSockets");
    add(kinds, chat, "chat stream", "chat streams");
    add(kinds, events, "event stream", "event streams");
    return userId + ": " + String.join(", ", kinds);
  }

  private static void add(List<String> out, int n, String one, String many) {
    if (n == 1) {
      out.add(one);
    } else if (n > 1) {
      out.add(n + " " + many);
    }
  }
}
