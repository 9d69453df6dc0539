package dev.scrying.server.engine;

/**
 * Told of every durable result, in version order, on the engine's writer thread. Implementations
 * must hand work off quickly (publish to NATS, enqueue to outboxes) and never block or throw.
 */
@FunctionalInterface
public interface EngineListener {
  void committed(CommandResult result);
}
