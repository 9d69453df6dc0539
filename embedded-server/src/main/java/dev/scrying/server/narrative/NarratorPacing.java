package dev.scrying.server.narrative;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the offline narrator streams, so rehearsals feel like a real model: a delay before the
 * first token, then a steady rate. One word counts as one token. Immutable; swap a whole pacing
 * at runtime with {@link OfflineNarrator#setPacing}.
 *
 * @param firstTokenDelay wait before the first chunk, zero or more
 * @param tokensPerSecond rate after that, positive; infinite means no delay between chunks
 */
public record NarratorPacing(Duration firstTokenDelay, double tokensPerSecond) {

  /** Roughly a hosted model: 800 ms to the first token, then 30 tokens per second. */
  public static final NarratorPacing DEFAULT = new NarratorPacing(Duration.ofMillis(800), 30);

  public NarratorPacing {
    Objects.requireNonNull(firstTokenDelay, "firstTokenDelay");
    if (firstTokenDelay.isNegative()) {
      throw new IllegalArgumentException("firstTokenDelay must not be negative: " + firstTokenDelay);
    }
    if (!(tokensPerSecond > 0)) {
      throw new IllegalArgumentException("tokensPerSecond must be positive: " + tokensPerSecond);
    }
  }

  /** No waiting at all, for tests and benchmarks. */
  public static NarratorPacing instant() {
    return new NarratorPacing(Duration.ZERO, Double.POSITIVE_INFINITY);
  }

  /** This pacing made {@code factor} times slower (first token later, fewer tokens per second). */
  public NarratorPacing slowedBy(double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("factor must be positive and finite: " + factor);
    }
    long delayNanos = Math.round(firstTokenDelay.toNanos() * factor);
    return new NarratorPacing(Duration.ofNanos(delayNanos), tokensPerSecond / factor);
  }

  long nanosPerToken() {
    return Double.isInfinite(tokensPerSecond) ? 0 : Math.round(1e9 / tokensPerSecond);
  }
}
