package dev.scrying.scenarios.client;

/** The life of one persistent connection (WebSocket or persistent SSE), as listeners are told about it. */
public enum ConnectionState {
  /** The handshake is under way. */
  CONNECTING,
  /** The server accepted the connection; frames flow. */
  OPEN,
  /** Closed on purpose, by either side (a close frame or the end of the stream). */
  CLOSED,
  /** Broken: network error, refused handshake, or an abrupt client-side disconnect. */
  FAILED
}
