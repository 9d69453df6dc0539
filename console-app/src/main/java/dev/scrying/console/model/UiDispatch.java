package dev.scrying.console.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one hand-off from background threads to the UI thread. Tasks queue up and run in order in a
 * single batch per UI turn; a task posted with {@link #latest} replaces any not-yet-run task with the
 * same key, so a flood of updates costs the UI one run per key and turn, never a backlog. Thread-safe;
 * a task that throws is logged and does not stop the rest of its batch.
 */
public final class UiDispatch {
  private static final Logger LOG = LoggerFactory.getLogger(UiDispatch.class);

  private final Executor uiThread;
  private final Object lock = new Object();
  private Map<Object, Runnable> pending = new LinkedHashMap<>();
  private boolean drainScheduled;

  /** {@code uiThread} runs one drain of the queue on the UI thread (in the app: {@code Platform::runLater}). */
  public UiDispatch(Executor uiThread) {
    this.uiThread = uiThread;
  }

  /** Runs {@code task} on the UI thread, after every task posted before it. */
  public void post(Runnable task) {
    enqueue(new Object(), task);
  }

  /** Runs {@code task} on the UI thread unless a newer task with the same key arrives before it runs. */
  public void latest(Object key, Runnable task) {
    enqueue(key, task);
  }

  private void enqueue(Object key, Runnable task) {
    boolean schedule;
    synchronized (lock) {
      // Re-inserting moves a replaced task to the end, so it runs after whatever it superseded.
      pending.remove(key);
      pending.put(key, task);
      schedule = !drainScheduled;
      drainScheduled = true;
    }
    if (schedule) {
      uiThread.execute(this::drain);
    }
  }

  private void drain() {
    List<Runnable> batch;
    synchronized (lock) {
      batch = new ArrayList<>(pending.values());
      pending = new LinkedHashMap<>();
      drainScheduled = false;
    }
    for (Runnable task : batch) {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("UI update failed", e);
      }
    }
  }
}
