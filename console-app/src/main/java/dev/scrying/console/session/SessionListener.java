package dev.scrying.console.session;

/**
 * Told of what happens on the server as it happens. Called on a session thread, never the UI thread,
 * one call at a time per session; implementations must hand work off quickly and never block.
 */
public interface SessionListener {

  /** A command became durable (embedded), or appeared in the Git history (remote). */
  default void action(ServerAction action) {}

  /** A message arrived on a NATS subject the console taps. */
  default void busMessage(BusMessage message) {}

  /** The server's NATS link changed state; read {@link ServerSession#status()} for the details. */
  default void busChanged() {}
}
