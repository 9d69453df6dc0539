package dev.scrying.scenarios.run;

import dev.scrying.scenarios.client.LatencyMetric;
import java.util.List;

/**
 * Percentiles of one latency metric in milliseconds, and a log-scale histogram of its samples
 * ({@code buckets}: upper bound in ms, {@code Double.POSITIVE_INFINITY} for the last, and a count).
 */
public record MetricStats(LatencyMetric metric, long count, double min, double mean, double p50, double p90,
    double p95, double p99, double p999, double max, List<Bucket> buckets) {

  /** Samples at most {@code upToMillis} (and above the previous bucket's bound). */
  public record Bucket(double upToMillis, long count) {}

  public MetricStats {
    buckets = List.copyOf(buckets);
  }
}
