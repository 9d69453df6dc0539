package dev.scrying.scenarios.client;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One HdrHistogram of microsecond samples per {@link LatencyMetric}. Thread-safe: samples are recorded
 * from network threads while readers take copies. Values above ten minutes are clamped, negative ones
 * (clock skew between hosts) to zero, so a recording never fails.
 */
public final class Latencies {
  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);
  private final Map<LatencyMetric, Histogram> histograms = new EnumMap<>(LatencyMetric.class);

  public synchronized void record(LatencyMetric metric, long micros) {
    histograms.computeIfAbsent(metric, m -> new Histogram(MAX_MICROS, 3))
        .recordValue(Math.max(0, Math.min(micros, MAX_MICROS)));
  }

  /** A copy of one metric's histogram (empty if nothing was recorded). */
  public synchronized Histogram histogram(LatencyMetric metric) {
    Histogram h = histograms.get(metric);
    return h == null ? new Histogram(MAX_MICROS, 3) : h.copy();
  }

  public synchronized long count(LatencyMetric metric) {
    Histogram h = histograms.get(metric);
    return h == null ? 0 : h.getTotalCount();
  }

  /** The value at {@code percentile} (0-100) in milliseconds, or NaN when there are no samples. */
  public synchronized double percentileMillis(LatencyMetric metric, double percentile) {
    Histogram h = histograms.get(metric);
    return h == null || h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
  }

  /** Adds every sample of {@code other} to this set. */
  public void add(Latencies other) {
    Map<LatencyMetric, Histogram> copies = other.copies();
    synchronized (this) {
      copies.forEach((m, h) -> histograms.computeIfAbsent(m, x -> new Histogram(MAX_MICROS, 3)).add(h));
    }
  }

  /** A new set holding every sample of all of {@code sets}. */
  public static Latencies merged(Collection<Latencies> sets) {
    Latencies out = new Latencies();
    sets.forEach(out::add);
    return out;
  }

  public synchronized void clear() {
    histograms.clear();
  }

  private synchronized Map<LatencyMetric, Histogram> copies() {
    Map<LatencyMetric, Histogram> out = new EnumMap<>(LatencyMetric.class);
    histograms.forEach((m, h) -> out.put(m, h.copy()));
    return out;
  }
}
