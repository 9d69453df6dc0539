package dev.scrying.server.realtime;

import java.util.function.LongSupplier;

/**
 * A token bucket on a monotonic clock: {@code capacity} tokens, refilled at {@code perSecond}. Not
 * thread-safe; its owner ({@link RateLimiter}) serialises access. Wall-clock jumps cannot refill or
 * drain it because it only ever reads {@code nanoTime}.
 */
final class TokenBucket {
  private final double capacity;
  private final double perNano;
  private final LongSupplier nanoTime;
  private double tokens;
  private long last;

  TokenBucket(double capacity, double perSecond, LongSupplier nanoTime) {
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.nanoTime = nanoTime;
    this.tokens = capacity;
    this.last = nanoTime.getAsLong();
  }

  /** Takes one token if there is one. */
  boolean take() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(capacity, tokens + Math.max(0, now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
