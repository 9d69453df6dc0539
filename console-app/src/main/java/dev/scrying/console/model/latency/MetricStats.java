package dev.scrying.console.model.latency;

/** Percentiles of one metric so far, in milliseconds; {@code count} 0 means no samples yet. */
public record MetricStats(Metric metric, long count, double p50, double p90, double p99, double max) {

  public static MetricStats empty(Metric m) {
    return new MetricStats(m, 0, 0, 0, 0, 0);
  }

  public boolean overBudget() {
    return count > 0 && p99 > metric.budgetMs();
  }
}
