package dev.scrying.scenarios.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latency recorders by metric name, in microseconds. Writers (network threads) record lock-free; the
 * bench reads one interval histogram per metric at the end of a phase.
 */
final class Metrics {
  private static final long MAX_MICROS = 60_000_000L;
  private final Map<String, Recorder> recorders = new ConcurrentHashMap<>();
  private final Map<String, java.util.concurrent.atomic.AtomicLongArray> worstBySecond = new ConcurrentHashMap<>();
  private volatile long timelineStartMicros = Long.MAX_VALUE;
  private volatile int timelineSeconds;

  void record(String metric, long micros) {
    recorders.computeIfAbsent(metric, k -> new Recorder(3)).recordValue(Math.max(0, Math.min(micros, MAX_MICROS)));
  }

  /**
   * Also keeps the worst latency of each second of the measured window, by intended send time, so a
   * tail can be told apart as a burst (a pause, a compile, a commit) or as a steady spread.
   */
  void recordTimed(String metric, long sentMicros, long micros) {
    record(metric, micros);
    long second = (sentMicros - timelineStartMicros) / 1_000_000L;
    if (second >= 0 && second < timelineSeconds) {
      var worst = worstBySecond.computeIfAbsent(metric, k -> new java.util.concurrent.atomic.AtomicLongArray(timelineSeconds));
      worst.accumulateAndGet((int) second, micros, Math::max);
    }
  }

  /** Starts the per-second record for a window of {@code seconds} from {@code startMicros}, dropping the last one. */
  void startTimeline(long startMicros, int seconds) {
    worstBySecond.clear();
    timelineSeconds = seconds;
    timelineStartMicros = startMicros;
  }

  /** The worst latency of each second, in ms, by metric. */
  ObjectNode timeline() {
    ObjectNode o = Json.object();
    new TreeMap<>(worstBySecond).forEach((k, worst) -> {
      var a = o.putArray(k + "_worst_ms_by_second");
      for (int i = 0; i < worst.length(); i++) {
        a.add(ms(worst.get(i)));
      }
    });
    return o;
  }

  /** Takes (and resets) every histogram. */
  Map<String, Histogram> take() {
    Map<String, Histogram> out = new TreeMap<>();
    recorders.forEach((k, r) -> out.put(k, r.getIntervalHistogram()));
    return out;
  }

  static ObjectNode summary(Histogram h) {
    ObjectNode o = Json.object().put("count", h.getTotalCount());
    o.put("p50_ms", ms(h.getValueAtPercentile(50))).put("p90_ms", ms(h.getValueAtPercentile(90)))
        .put("p99_ms", ms(h.getValueAtPercentile(99))).put("p999_ms", ms(h.getValueAtPercentile(99.9)))
        .put("max_ms", ms(h.getMaxValue()));
    return o;
  }

  static double ms(long micros) {
    return Math.round(micros / 10.0) / 100.0;
  }
}
