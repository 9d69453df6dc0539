package dev.scrying.server.realtime;

import java.util.function.LongSupplier;

/**
 * The message budget of one connection. Messages take from a bucket (rate, burst); a message over
 * budget is dropped and takes a "strike" from a second, slowly refilling bucket, so a client that
 * keeps pushing past its budget runs out of strikes and is judged abusive. Thread-safe.
 */
final class RateLimiter {
  /** What to do with one incoming message. */
  enum Verdict { ALLOWED, LIMITED, ABUSIVE }

  private final TokenBucket messages;
  private final TokenBucket strikes;

  RateLimiter(ConnectionLimits limits) {
    this(limits, System::nanoTime);
  }

  RateLimiter(ConnectionLimits limits, LongSupplier nanoTime) {
    this.messages = new TokenBucket(limits.burst(), limits.messagesPerSecond(), nanoTime);
    this.strikes = new TokenBucket(limits.strikes(), limits.strikesPerSecond(), nanoTime);
  }

  synchronized Verdict admit() {
    if (messages.take()) {
      return Verdict.ALLOWED;
    }
    return strikes.take() ? Verdict.LIMITED : Verdict.ABUSIVE;
  }
}
