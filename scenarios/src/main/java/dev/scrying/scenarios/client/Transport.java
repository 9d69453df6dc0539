package dev.scrying.scenarios.client;

/**
 * The wire a frame travelled on. {@code HTTP} covers plain request/response calls a player makes
 * ({@code POST /experience/interact}); the other three are the streaming transports of the protocol.
 */
public enum Transport {
  /** {@code /ws/experience}: the Unity client's socket. */
  WEBSOCKET,
  /** {@code POST /api/v0.3/chat}: one SSE stream per chat message. */
  CHAT_SSE,
  /** {@code GET /experience/{exp}/events}: the persistent per-player SSE stream. */
  EVENTS_SSE,
  /** {@code POST /experience/interact}: request and response, no stream. */
  HTTP
}
