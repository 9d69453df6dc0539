package dev.scrying.scenarios.run;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Re-evaluates a check until it holds or a deadline passes, waking up whenever a new frame arrives
 * (most conditions change because of one) and at least every 100 ms (for server-side state that
 * changes without a frame to this run). No fixed sleeps.
 */
final class Eventually {
  private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private Eventually() {}

  /** The last value {@code check} produced: the first one {@code done} accepts, or the one at the deadline. */
  static <T> T await(FrameLog log, long deadlineNanos, Supplier<T> check, Predicate<T> done) throws InterruptedException {
    while (true) {
      long mark = log.mark();
      T value = check.get();
      long left = deadlineNanos - System.nanoTime();
      if (done.test(value) || left <= 0) {
        return value;
      }
      log.awaitFrame(mark, Math.min(left, RECHECK_NANOS));
    }
  }

  /** Waits until no frame has arrived for {@code quietNanos}, or {@code maxNanos} passed. */
  static void settle(FrameLog log, long quietNanos, long maxNanos) throws InterruptedException {
    long deadline = System.nanoTime() + maxNanos;
    while (System.nanoTime() < deadline) {
      long mark = log.mark();
      if (!log.awaitFrame(mark, Math.min(quietNanos, deadline - System.nanoTime()))) {
        return;
      }
    }
  }
}
