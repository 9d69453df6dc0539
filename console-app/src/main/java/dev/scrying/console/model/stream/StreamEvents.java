package dev.scrying.console.model.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.console.model.ChangeSummary;
import dev.scrying.console.model.TraceBook;
import dev.scrying.console.session.BusMessage;
import dev.scrying.console.session.Micros;
import dev.scrying.console.session.ServerAction;
import dev.scrying.experiences.Json;

/**
 * Turns what the console observes into stream rows with a one-line summary and, when the action
 * behind it is known, its latency since the server received that action. Stateless apart from the
 * shared {@link TraceBook}; thread-safe.
 */
public final class StreamEvents {
  private final TraceBook traces;

  public StreamEvents(TraceBook traces) {
    this.traces = traces;
  }

  /** A durable action; its latency is the server's own time from received to durable. */
  public StreamEvent action(ServerAction a) {
    traces.remember(a.traceId(), a.hops());
    Long received = a.hops().get("received");
    Long durable = a.hops().get("durable");
    double latency = received != null && durable != null ? Micros.millisBetween(received, durable) : Double.NaN;
    String outcome = a.success() ? "" : " · refused";
    String summary = a.action() + target(a) + " → v" + a.version() + outcome + (a.live() ? "" : " (from Git)");
    return new StreamEvent(a.atMicros(), Source.SERVER, a.userId(), a.action(), summary, latency, a.traceId(), a.json());
  }

  /** A NATS message; its latency runs from the action's receipt at the server to the console's tap. */
  public StreamEvent bus(BusMessage m) {
    UpdateDigest d = UpdateDigest.of(m.json());
    return new StreamEvent(m.atMicros(), Source.NATS, m.userId(), d.type(), m.subject() + " · " + d.summary(),
        latency(d.traceId(), m.atMicros()), d.traceId(), m.json());
  }

  /** Milliseconds from the server receiving {@code traceId}'s action to {@code atMicros}, or NaN. */
  public double latency(String traceId, long atMicros) {
    return traces.receivedAt(traceId).map(r -> Micros.millisBetween(r, atMicros)).orElse(Double.NaN);
  }

  public static String worldUpdateSummary(JsonNode n) {
    return "v" + n.path("base_version").asLong() + "→v" + n.path("snapshot_version").asLong() + " · "
        + ChangeSummary.of(n.path("changes"));
  }

  private static String target(ServerAction a) {
    JsonNode command = parse(a.json()).path("command");
    for (String field : new String[] {"instance_id", "npc_id", "destination", "text"}) {
      if (command.hasNonNull(field)) {
        return " " + command.path(field).asText();
      }
    }
    return "";
  }

  static JsonNode parse(String json) {
    try {
      return Json.parse(json);
    } catch (IllegalArgumentException e) {
      return Json.object();
    }
  }
}
