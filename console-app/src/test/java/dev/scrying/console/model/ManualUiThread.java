package dev.scrying.console.model;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/** Stands in for the FX thread in tests: work queues up until the test thread runs it. */
public final class ManualUiThread implements Executor {
  private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();

  @Override
  public void execute(Runnable command) {
    queue.add(command);
  }

  /** Runs everything queued so far on the calling thread; returns how many drains ran. */
  public int runPending() {
    int ran = 0;
    for (Runnable r; (r = queue.poll()) != null; ran++) {
      r.run();
    }
    return ran;
  }
}
