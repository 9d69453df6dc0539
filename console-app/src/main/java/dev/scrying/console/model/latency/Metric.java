package dev.scrying.console.model.latency;

import java.util.Map;
import java.util.OptionalLong;

/**
 * A latency the console tracks: the time between two hops of an action, and the budget it should
 * stay under at p99 (from docs: G1 for the visible delta, the server's own steps well inside it, the
 * narrative paced like an LLM at 2-3 s).
 */
public enum Metric {
  ACTION_TO_DELTA("Action → delta at client", Hop.CLIENT_SEND, Hop.CLIENT_RECEIVED, 10),
  RECEIVED_TO_DURABLE("Received → durable", Hop.RECEIVED, Hop.DURABLE, 5),
  DURABLE_TO_PUBLISHED("Durable → published", Hop.DURABLE, Hop.PUBLISHED, 2),
  RECEIVED_TO_DELIVERED("Received → delivered", Hop.RECEIVED, Hop.DELIVERED, 8),
  FIRST_NARRATIVE("Action → first narrative", Hop.RECEIVED, Hop.FIRST_NARRATIVE, 3_000),
  NARRATIVE_DONE("Action → narrative done", Hop.RECEIVED, Hop.DONE, 8_000);

  private final String label;
  private final Hop from;
  private final Hop to;
  private final double budgetMs;

  Metric(String label, Hop from, Hop to, double budgetMs) {
    this.label = label;
    this.from = from;
    this.to = to;
    this.budgetMs = budgetMs;
  }

  public String label() {
    return label;
  }

  public double budgetMs() {
    return budgetMs;
  }

  /** The metric in microseconds, if the trace has both hops in order. */
  public OptionalLong measure(Map<Hop, Long> hops) {
    Long a = hops.get(from);
    Long b = hops.get(to);
    return a == null || b == null || b < a ? OptionalLong.empty() : OptionalLong.of(b - a);
  }
}
