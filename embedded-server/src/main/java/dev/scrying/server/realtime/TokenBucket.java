package dev.scrying.server.realtime;

import java.util.function.LongSupplier;

/**
 * A token bucket on a monotonic clock: {@code capacity} tokens, refilled at {@code perSecond}. Not
 * thread-safe; its owner ({@link RateLimiter}, the HTTP request budgets) serialises access. Wall-clock jumps cannot refill or
 * drain it because it only ever reads {@code nanoTime}.
 */
public final class TokenBucket {
  private final double capacity;
  private final double perNano;
  private final LongSupplier nanoTime;
  private double tokens;
  private long last;

  public TokenBucket(double capacity, double perSecond, LongSupplier nanoTime) {
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.nanoTime = nanoTime;
    this.tokens = capacity;
    this.last = nanoTime.getAsLong();
  }

  /** Takes one token if there is one. */
  public boolean take() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(capacity, tokens + Math.max(0, now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Whole seconds until a token will be there (at least 1): what a refused client is told to wait. */
  public long secondsUntilNextToken() {
    return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
  }
}
