package dev.scrying.scenarios.format;

/** A failure to inject: through the server's admin fault endpoints or by a client dropping its connection. */
public sealed interface FaultAction {
  String describe();

  /** {@code POST /admin/faults/nats {"action":"stop"}}: the managed nats-server goes down. */
  record NatsStop() implements FaultAction {
    public String describe() {
      return "stop NATS";
    }
  }

  /** {@code POST /admin/faults/nats {"action":"start"}}: the managed nats-server comes back. */
  record NatsStart() implements FaultAction {
    public String describe() {
      return "start NATS";
    }
  }

  /** {@code POST /admin/faults/cut}: the server closes every connection of a player (code 4000). */
  record Cut(String player, boolean reconnectAfter) implements FaultAction {
    public String describe() {
      return "cut " + player + (reconnectAfter ? " and reconnect" : "");
    }
  }

  /** The client drops its connections abruptly, without a close frame. */
  record Disconnect(String player) implements FaultAction {
    public String describe() {
      return "disconnect " + player;
    }
  }

  /** The client reconnects (WebSocket since_version, SSE Last-Event-ID) and resumes its mirror. */
  record Reconnect(String player) implements FaultAction {
    public String describe() {
      return "reconnect " + player;
    }
  }

  /** {@code POST /admin/faults/narrator}: the offline narrator runs {@code factor} times slower (1 = normal). */
  record SlowNarrator(double factor) implements FaultAction {
    public String describe() {
      return "slow the narrator x" + factor;
    }
  }
}
