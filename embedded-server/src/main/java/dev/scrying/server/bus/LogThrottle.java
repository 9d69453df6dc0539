package dev.scrying.server.bus;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets the same complaint through once per interval and counts what it held back, so a NATS outage or a
 * failing handler produces a few log lines rather than one per message or per reconnect attempt.
 */
final class LogThrottle {
  private final long intervalNanos;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  private static final class Window {
    volatile long openedAt;
    final AtomicLong suppressed = new AtomicLong();
  }

  LogThrottle(long intervalMillis) {
    this.intervalNanos = intervalMillis * 1_000_000L;
  }

  /**
   * Returns -1 if this occurrence should stay quiet, else how many occurrences were held back since the
   * last one let through.
   */
  long admit(String key) {
    long now = System.nanoTime();
    Window w = windows.computeIfAbsent(key, k -> {
      Window fresh = new Window();
      fresh.openedAt = now - intervalNanos;
      return fresh;
    });
    synchronized (w) {
      if (now - w.openedAt >= intervalNanos) {
        w.openedAt = now;
        return w.suppressed.getAndSet(0);
      }
    }
    w.suppressed.incrementAndGet();
    return -1;
  }
}
