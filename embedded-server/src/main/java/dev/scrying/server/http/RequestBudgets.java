package dev.scrying.server.http;

import dev.scrying.server.realtime.TokenBucket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per-key HTTP request budgets (a player's id, or a client address for unauthenticated endpoints):
 * token buckets on a monotonic clock. Thread-safe. Remembers the {@value #REMEMBERED} most recently
 * seen keys; a forgotten key starts again with a full bucket, which errs towards letting requests in.
 */
final class RequestBudgets {
  static final int REMEMBERED = 10_000;
  private final double perSecond;
  private final int burst;
  private final LongSupplier nanoTime;
  private final Map<String, TokenBucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
      return size() > REMEMBERED;
    }
  };

  RequestBudgets(double perSecond, int burst, LongSupplier nanoTime) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("a request budget needs a positive rate and burst");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoTime = nanoTime;
  }

  /** Takes one request from {@code key}'s budget, or refuses with 429 and how long to wait. */
  synchronized void admit(String key, String what) {
    TokenBucket bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(burst, perSecond, nanoTime));
    if (!bucket.take()) {
      throw new ApiError(429, "rate_limited", "too many " + what + "; at most " + (long) perSecond
          + " per second (bursts of " + burst + "). Nothing was changed; try again shortly.",
          bucket.secondsUntilNextToken());
    }
  }
}
