package dev.scrying.scenarios.format;

import dev.scrying.scenarios.client.LatencyMetric;

/**
 * A k6-style threshold: across the whole run, {@code metric} at {@code percentile} (100 for
 * {@code max}) must stay under {@code maxMillis}. {@code label} is how the file wrote it (p99, max).
 */
public record Budget(LatencyMetric metric, String label, double percentile, double maxMillis, int line) {
  public String describe() {
    return metric.key() + " " + label + " < " + formatMillis(maxMillis) + " ms";
  }

  static String formatMillis(double ms) {
    return ms == Math.rint(ms) ? String.valueOf((long) ms) : String.valueOf(ms);
  }
}
