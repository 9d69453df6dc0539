package dev.scrying.scenarios.format;

import java.util.Set;

/**
 * One simulated player of a scenario. {@code joinsLater} players are connected by a {@code connect}
 * step instead of at the start. {@code line} is where the player is declared. Immutable.
 */
public record PlayerSpec(String id, Set<ConnectionKind> connections, boolean admin, boolean joinsLater, int line) {
  public PlayerSpec {
    connections = Set.copyOf(connections);
  }

  public boolean hasWebSocket() {
    return connections.contains(ConnectionKind.WEBSOCKET);
  }

  public boolean hasEventStream() {
    return connections.contains(ConnectionKind.EVENTS);
  }

  /** Whether the player keeps a mirror (it has a persistent stream to build one from). */
  public boolean hasMirror() {
    return hasWebSocket() || hasEventStream();
  }
}
