package dev.scrying.scenarios.format;

/**
 * How a scenario player is connected. {@code WEBSOCKET} is the Unity client (commands over the socket,
 * mirror from it); {@code EVENTS} is the persistent SSE stream (commands over HTTP interact, mirror from
 * the stream); {@code CHAT} holds no persistent stream at all (commands over HTTP, no mirror). Every
 * player can send chat messages, whatever its kinds.
 */
public enum ConnectionKind {
  WEBSOCKET("websocket"), EVENTS("events"), CHAT("chat");

  private final String key;

  ConnectionKind(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  static ConnectionKind byKey(String key) {
    for (ConnectionKind k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown connection kind " + key);
  }
}
