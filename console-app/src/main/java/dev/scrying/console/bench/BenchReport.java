package dev.scrying.console.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The flood benchmark's figures, and how they read against the goal (pulse-gap p99 under 50 ms). */
record BenchReport(int seconds, int targetRate, long offered, long shown, long dropped, Histogram gaps, long heapMaxBytes,
    long heapAfterGcBytes, long heapLimitBytes, int rowsKept) {

  static final double GOAL_P99_MS = 50;

  boolean passed() {
    return ms(gaps.getValueAtPercentile(99)) < GOAL_P99_MS && dropped == 0;
  }

  String text() {
    return String.format(Locale.ROOT, """
        Scrying console flood benchmark
          flood           %d s at %,d events/s (offered %,d, %.0f/s)
          shown           %,d rows reached the table (%.0f/s), %,d dropped, %,d kept in the ring
          FX pulse gaps   p50 %.1f ms · p90 %.1f ms · p99 %.1f ms · p99.9 %.1f ms · max %.1f ms (%,d pulses)
          heap            max %,d MB while flooding · %,d MB after GC · limit %,d MB
          result          %s (goal: pulse-gap p99 < %.0f ms, nothing dropped)
        """, seconds, targetRate, offered, offered / (double) seconds, shown, shown / (double) seconds, dropped, rowsKept,
        ms(gaps.getValueAtPercentile(50)), ms(gaps.getValueAtPercentile(90)), ms(gaps.getValueAtPercentile(99)),
        ms(gaps.getValueAtPercentile(99.9)), ms(gaps.getMaxValue()), gaps.getTotalCount(),
        heapMaxBytes >> 20, heapAfterGcBytes >> 20, heapLimitBytes >> 20, passed() ? "PASS" : "FAIL", GOAL_P99_MS);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
