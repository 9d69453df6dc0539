package dev.scrying.console.model.stream;

/** Where the console saw an event: the server itself, NATS, or one of a client's transports. */
public enum Source {
  SERVER("Server"),
  NATS("NATS"),
  WEBSOCKET("WebSocket"),
  CHAT("Chat SSE"),
  EVENTS("Events SSE"),
  HTTP("HTTP"),
  CONSOLE("Console");

  private final String label;

  Source(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
