package dev.scrying.console.model.latency;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.Recorder;

/**
 * One HdrHistogram per metric, in microseconds. Any thread may {@link #record} (lock-free
 * {@link Recorder}s); {@link #stats} and {@link #bars} fold what was recorded into the cumulative
 * histograms and must run on one thread at a time (the latency view model's worker).
 */
final class MetricHistograms {
  private static final int DIGITS = 3;
  private static final long FIRST_BUCKET_MICROS = 100;

  private final Map<Metric, Recorder> recorders = new EnumMap<>(Metric.class);
  private final Map<Metric, Histogram> totals = new EnumMap<>(Metric.class);

  MetricHistograms() {
    for (Metric m : Metric.values()) {
      recorders.put(m, new Recorder(DIGITS));
      totals.put(m, new Histogram(DIGITS));
    }
  }

  void record(Metric m, long micros) {
    recorders.get(m).recordValue(Math.max(0, micros));
  }

  List<MetricStats> stats() {
    List<MetricStats> out = new ArrayList<>();
    for (Metric m : Metric.values()) {
      Histogram h = fold(m);
      out.add(h.getTotalCount() == 0 ? MetricStats.empty(m) : new MetricStats(m, h.getTotalCount(),
          ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)), ms(h.getMaxValue())));
    }
    return out;
  }

  /** Doubling buckets from 0.1 ms up to the largest sample. */
  List<HistogramBar> bars(Metric m) {
    Histogram h = fold(m);
    List<HistogramBar> out = new ArrayList<>();
    if (h.getTotalCount() == 0) {
      return out;
    }
    double from = 0;
    for (HistogramIterationValue v : h.logarithmicBucketValues(FIRST_BUCKET_MICROS, 2)) {
      double to = ms(v.getValueIteratedTo());
      out.add(new HistogramBar(from, to, v.getCountAddedInThisIterationStep()));
      from = to;
    }
    return out;
  }

  void clear() {
    recorders.values().forEach(Recorder::reset);
    totals.values().forEach(Histogram::reset);
  }

  private Histogram fold(Metric m) {
    Histogram total = totals.get(m);
    total.add(recorders.get(m).getIntervalHistogram());
    return total;
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
