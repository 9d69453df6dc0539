package dev.scrying.server.bus;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the bus is delivering through right now, for health endpoints and the console's status bar.
 * Immutable; {@code url} is null for the in-process bus and never carries credentials.
 */
public record BusStatus(Mode mode, State state, @Nullable String url, boolean jetStream, String detail) {

  /** Where NATS comes from: our own child process, a server or cluster run by someone else, or none. */
  public enum Mode { MANAGED, EXTERNAL, IN_PROCESS }

  /** Connection state; anything but CONNECTED means world updates travel in-process only. */
  public enum State { CONNECTED, RECONNECTING, DISCONNECTED, UNAVAILABLE }

  public static final String IN_PROCESS_DETAIL = "NATS unavailable: in-process delivery";

  public BusStatus {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(detail, "detail");
  }

  /** The status of a bus that has no NATS at all. */
  public static BusStatus inProcess(String detail) {
    return new BusStatus(Mode.IN_PROCESS, State.UNAVAILABLE, null, false, detail);
  }

  /** True unless world updates currently flow through a connected NATS server. */
  public boolean degraded() {
    return mode == Mode.IN_PROCESS || state != State.CONNECTED;
  }

  /** One line for people, e.g. "NATS managed, connected, JetStream on". */
  public String summary() {
    if (mode == Mode.IN_PROCESS) {
      return IN_PROCESS_DETAIL;
    }
    String head = "NATS " + lower(mode) + ", " + lower(state);
    return state == State.CONNECTED
        ? head + ", JetStream " + (jetStream ? "on" : "off")
        : head + ": in-process delivery";
  }

  BusStatus withState(State s, String d) {
    return new BusStatus(mode, s, url, jetStream, d);
  }

  BusStatus withJetStream(boolean on, String d) {
    return new BusStatus(mode, state, url, on, d);
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
