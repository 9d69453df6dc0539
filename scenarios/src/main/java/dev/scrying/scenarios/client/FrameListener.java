package dev.scrying.scenarios.client;

/**
 * Observes every frame a {@link SimulatedPlayer} sends or receives, and its connections opening and
 * closing. Called on network threads (OkHttp's reader threads, or the caller's thread for outgoing
 * frames), possibly from several threads at once for one player: implementations must be thread-safe,
 * must return quickly and must never block (hand work to another thread, e.g. the UI's coalescing
 * dispatcher). Frames of one transport arrive in wire order. An exception thrown by a listener is
 * logged and otherwise ignored; it never affects the connection.
 */
@FunctionalInterface
public interface FrameListener {
  /** A frame went out or came in; the player's mirror already includes it. */
  void onFrame(Frame frame);

  /** A persistent connection of {@code userId} changed state; {@code detail} says why (close code, error). */
  default void onConnectionState(String userId, Transport transport, ConnectionState state, String detail) {}
}
