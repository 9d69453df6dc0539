package dev.scrying.scenarios.run;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The console's hold on a run: between steps the runner asks the gate for permission, which is
 * unlimited while running, one step at a time when stepping, none while paused. {@link #stop()} ends
 * the wait (and any pause step) at once. Thread-safe.
 */
final class StepGate {
  private static final int UNLIMITED = Integer.MAX_VALUE;
  private int permits;
  private boolean stopped;

  StepGate(boolean startPaused) {
    this.permits = startPaused ? 0 : UNLIMITED;
  }

  synchronized void pause() {
    permits = 0;
  }

  synchronized void resume() {
    permits = UNLIMITED;
    notifyAll();
  }

  /** Allows exactly one more step, then holds again. */
  synchronized void step() {
    permits = permits == UNLIMITED ? UNLIMITED : permits + 1;
    notifyAll();
  }

  synchronized void stop() {
    stopped = true;
    notifyAll();
  }

  synchronized boolean isStopped() {
    return stopped;
  }

  /**
   * Waits for permission to run the next step; {@code onHold} hears PAUSED when it has to wait and
   * RUNNING when it may go on. False if the run was stopped.
   */
  synchronized boolean awaitTurn(Consumer<RunState> onHold) throws InterruptedException {
    if (permits == 0 && !stopped) {
      onHold.accept(RunState.PAUSED);
      while (permits == 0 && !stopped) {
        wait();
      }
      if (!stopped) {
        onHold.accept(RunState.RUNNING);
      }
    }
    if (stopped) {
      return false;
    }
    if (permits != UNLIMITED) {
      permits--;
    }
    return true;
  }

  /** Lets {@code d} pass unless the run is stopped first; false if stopped. */
  synchronized boolean pass(Duration d) throws InterruptedException {
    long deadline = System.nanoTime() + d.toNanos();
    while (!stopped) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return true;
      }
      wait(left / 1_000_000, (int) (left % 1_000_000));
    }
    return false;
  }
}
