package dev.scrying.scenarios.client;

/**
 * A counter that network threads bump on every received frame, so that a waiting thread can sleep
 * until something new arrived (or a timeout) instead of polling blindly. Thread-safe.
 */
final class ChangeSignal {
  private long count;

  synchronized long mark() {
    return count;
  }

  synchronized void signal() {
    count++;
    notifyAll();
  }

  /** Waits until the count moved past {@code mark} or {@code timeoutNanos} passed; true if it moved. */
  synchronized boolean awaitAfter(long mark, long timeoutNanos) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    while (count == mark) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      // left > 0, so millis and nanos are never both zero (which would mean 'forever').
      wait(left / 1_000_000, (int) (left % 1_000_000));
    }
    return true;
  }
}
