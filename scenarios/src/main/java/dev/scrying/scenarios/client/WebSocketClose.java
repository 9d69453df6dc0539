package dev.scrying.scenarios.client;

/**
 * How a player's WebSocket ended: the close code and reason the server (or client) sent, or code
 * {@code -1} when it broke without a close frame (network failure, {@link SimulatedPlayer#disconnect()}).
 * Server codes: 1000 normal, 1008 bad token or experience, 1011 server error, 1012 server restarting
 * (come back: {@link ReconnectPolicy#reconnectable(WebSocketClose)}), 4000 cut by the operator.
 */
public record WebSocketClose(int code, String reason) {
  public static final int ABRUPT = -1;
}
