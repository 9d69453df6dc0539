package dev.scrying.console.model.latency;

import java.util.Optional;

/**
 * The stamps of one action's path, in the order it travels: the client's send, the server's hops
 * (named as the server's trace names them) and what the client saw. All in epoch microseconds.
 */
public enum Hop {
  CLIENT_SEND("client_send", "Client sent"),
  RECEIVED("received", "Server received"),
  APPLIED("applied", "Applied"),
  DURABLE("durable", "Durable (journal)"),
  PUBLISHED("published", "Published (NATS)"),
  DELIVERED("delivered", "Delivered to connection"),
  CLIENT_RECEIVED("client_received", "Delta at client"),
  FIRST_NARRATIVE("first_narrative", "First narrative"),
  DONE("done", "Narrative done");

  private final String wire;
  private final String label;

  Hop(String wire, String label) {
    this.wire = wire;
    this.label = label;
  }

  /** The hop's name in a server trace ({@code hops_us}) or the console's own stamps. */
  public String wire() {
    return wire;
  }

  public String label() {
    return label;
  }

  public static Optional<Hop> of(String wire) {
    for (Hop h : values()) {
      if (h.wire.equals(wire)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }
}
