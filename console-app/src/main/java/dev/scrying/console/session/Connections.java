package dev.scrying.console.session;

import com.fasterxml.jackson.databind.JsonNode;

/** How many live client connections the server holds, by kind. */
public record Connections(int websocket, int chat, int events, int total) {
  public static final Connections NONE = new Connections(0, 0, 0, 0);

  static Connections fromJson(JsonNode n) {
    return new Connections(n.path("websocket").asInt(), n.path("chat").asInt(), n.path("events").asInt(),
        n.path("total").asInt());
  }
}
