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

  void record(String metric, long micros) {
    recorders.computeIfAbsent(metric, k -> new Recorder(3)).recordValue(Math.max(0, Math.min(micros, MAX_MICROS)));
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
