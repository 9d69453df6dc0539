package dev.scrying.scenarios.run;

import dev.scrying.scenarios.client.Latencies;
import dev.scrying.scenarios.client.LatencyMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/** Per-metric percentiles and histograms of a run, for reports and the console. Immutable. */
public record LatencySummary(Map<LatencyMetric, MetricStats> metrics) {
  private static final double[] BOUNDS_MS = {0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192};

  public LatencySummary {
    metrics = Map.copyOf(metrics);
  }

  public static LatencySummary of(Latencies latencies) {
    Map<LatencyMetric, MetricStats> out = new LinkedHashMap<>();
    for (LatencyMetric m : LatencyMetric.values()) {
      Histogram h = latencies.histogram(m);
      if (h.getTotalCount() > 0) {
        out.put(m, stats(m, h));
      }
    }
    return new LatencySummary(out);
  }

  public Optional<MetricStats> get(LatencyMetric m) {
    return Optional.ofNullable(metrics.get(m));
  }

  /** The metrics with samples, in {@link LatencyMetric} order. */
  public List<MetricStats> inOrder() {
    List<MetricStats> out = new ArrayList<>();
    for (LatencyMetric m : LatencyMetric.values()) {
      get(m).ifPresent(out::add);
    }
    return out;
  }

  private static MetricStats stats(LatencyMetric m, Histogram h) {
    long[] counts = new long[BOUNDS_MS.length + 1];
    for (var v : h.recordedValues()) {
      double valueMs = v.getValueIteratedTo() / 1000.0;
      int i = 0;
      while (i < BOUNDS_MS.length && valueMs > BOUNDS_MS[i]) {
        i++;
      }
      counts[i] += v.getCountAtValueIteratedTo();
    }
    List<MetricStats.Bucket> buckets = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      buckets.add(new MetricStats.Bucket(i < BOUNDS_MS.length ? BOUNDS_MS[i] : Double.POSITIVE_INFINITY, counts[i]));
    }
    return new MetricStats(m, h.getTotalCount(), ms(h.getMinValue()), h.getMean() / 1000.0, pct(h, 50), pct(h, 90),
        pct(h, 95), pct(h, 99), pct(h, 99.9), ms(h.getMaxValue()), buckets);
  }

  private static double pct(Histogram h, double p) {
    return ms(h.getValueAtPercentile(p));
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
