package dev.scrying.console.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The flood benchmark's figures, and how they read against the goal (pulse-gap p99 under 50 ms). */
record BenchReport(int seconds, int targetRate, long offered, long shown, long dropped, Histogram gaps, Histogram idle,
    long heapMaxBytes, long heapAfterGcBytes, long heapLimitBytes, int rowsKept, double loadBefore, double loadAfter) {

  static final double GOAL_P99_MS = 50;

  boolean passed() {
    return ms(gaps.getValueAtPercentile(99)) < GOAL_P99_MS && dropped == 0;
  }

  String text() {
    return String.format(Locale.ROOT, """
        Scrying console flood benchmark
          flood           %d s at %,d events/s (offered %,d, %.0f/s)
          shown           %,d rows reached the table (%.0f/s), %,d dropped, %,d kept in the ring
          FX pulse gaps   %s
          same, no events %s
          heap            max %,d MB while flooding · %,d MB after GC · limit %,d MB
          machine         %d cores, load average %.1f before, %.1f after (other processes share the cores)
          result          %s (goal: pulse-gap p99 < %.0f ms, nothing dropped)
        """, seconds, targetRate, offered, offered / (double) seconds, shown, shown / (double) seconds, dropped, rowsKept,
        line(gaps), line(idle), heapMaxBytes >> 20, heapAfterGcBytes >> 20, heapLimitBytes >> 20,
        Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, passed() ? "PASS" : "FAIL", GOAL_P99_MS);
  }

  private static String line(Histogram h) {
    return String.format(Locale.ROOT, "p50 %.1f ms · p90 %.1f ms · p99 %.1f ms · p99.9 %.1f ms · max %.1f ms (%,d pulses)",
        ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
        ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()), h.getTotalCount());
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
