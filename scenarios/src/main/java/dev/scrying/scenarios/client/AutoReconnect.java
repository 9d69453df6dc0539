package dev.scrying.scenarios.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

/**
 * A player's automatic reconnection: told that a wanted stream was dropped, it waits the policy's delay,
 * tries to reopen what is down, and repeats with growing delays until everything is open again, the
 * server refuses for good, or it is stopped. Thread-safe: one cycle at a time (a drop reported while a
 * cycle runs, such as a failed attempt's own end, joins that cycle); attempts run on the
 * {@link Scheduler}'s thread, which the clock and randomness are injected through for tests.
 */
final class AutoReconnect {
  /** How one attempt went. */
  enum Outcome {
    /** Everything wanted is open. */
    CONNECTED,
    /** Not yet (server away, restarting, busy): try again later. */
    RETRY,
    /** Refused for good (bad token, policy) or the player closed: stop trying. */
    GIVE_UP
  }

  /** Opens what is down; any thread, may block up to the player's timeout. */
  interface Connector {
    Outcome attempt();

    /** Whether any wanted stream is down right now. */
    boolean needed();
  }

  /** Runs a task after a delay (a scheduled executor in production, a recording queue in tests). */
  interface Scheduler {
    void schedule(Runnable task, Duration delay);
  }

  private final ReconnectPolicy policy;
  private final RandomGenerator random;
  private final Scheduler scheduler;
  private final Connector connector;
  private final AtomicBoolean cycling = new AtomicBoolean();
  private volatile boolean stopped;

  AutoReconnect(ReconnectPolicy policy, RandomGenerator random, Scheduler scheduler, Connector connector) {
    this.policy = policy;
    this.random = random;
    this.scheduler = scheduler;
    this.connector = connector;
  }

  /** A wanted stream ended in a way worth retrying: starts a cycle unless one is under way. */
  void dropped() {
    if (policy.enabled() && !stopped && cycling.compareAndSet(false, true)) {
      schedule(0);
    }
  }

  /** No more attempts (the player closed); an attempt already running finishes. */
  void stop() {
    stopped = true;
  }

  boolean isCycling() {
    return cycling.get();
  }

  private void schedule(int attempt) {
    scheduler.schedule(() -> attempt(attempt), policy.delay(attempt, random));
  }

  private void attempt(int attempt) {
    Outcome outcome = stopped ? Outcome.GIVE_UP : connector.attempt();
    if (outcome == Outcome.RETRY && !stopped) {
      schedule(attempt + 1);
      return;
    }
    cycling.set(false);
    // A stream that dropped again after this attempt reopened it was ignored (the cycle was running).
    if (outcome == Outcome.CONNECTED && connector.needed()) {
      dropped();
    }
  }
}
