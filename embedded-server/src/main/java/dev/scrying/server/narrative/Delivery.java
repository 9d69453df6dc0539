package dev.scrying.server.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One narration's side of the {@link Narrator} contract. Producers on any thread (pacing ticks,
 * HTTP callbacks, timeout timers) hand it text and outcomes; it forwards them to the listener on a
 * single-threaded executor, so callbacks keep their order, and it lets only the first terminal
 * outcome through, so a timeout racing the end of a stream still yields one terminal callback.
 */
final class Delivery implements Narration {
  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

  private final NarrationListener listener;
  private final Executor executor;
  private final long startNanos = System.nanoTime();
  private final Object lock = new Object();
  private boolean finished;
  private final List<Runnable> cleanups = new ArrayList<>();
  private volatile boolean cancelled;

  // Touched only by tasks on the executor, which run one at a time.
  private long firstTokenNanos;
  private int chunks;
  private boolean listenerFailed;

  /** @param executor must run tasks one at a time, in submission order */
  Delivery(NarrationListener listener, Executor executor) {
    this.listener = listener;
    this.executor = executor;
  }

  void text(String chunk) {
    enqueue(false, () -> deliverText(chunk));
  }

  void done() {
    enqueue(true, this::deliverDone);
  }

  void error(String code, String message) {
    enqueue(true, () -> safely("onError", () -> listener.onError(code, message)));
  }

  /** True once a terminal outcome is queued or the narration was cancelled: stop producing. */
  boolean isFinished() {
    synchronized (lock) {
      return finished;
    }
  }

  /** Runs {@code cleanup} once the narration finishes, or now if it already has. */
  void onFinish(Runnable cleanup) {
    synchronized (lock) {
      if (!finished) {
        cleanups.add(cleanup);
        return;
      }
    }
    cleanup.run();
  }

  @Override
  public void cancel() {
    List<Runnable> toRun;
    synchronized (lock) {
      cancelled = true;
      toRun = finishLocked();
    }
    toRun.forEach(Runnable::run);
  }

  private void enqueue(boolean terminal, Runnable task) {
    List<Runnable> toRun = List.of();
    synchronized (lock) {
      if (finished) {
        return;
      }
      try {
        executor.execute(() -> {
          if (!cancelled) {
            task.run();
          }
        });
        if (terminal) {
          toRun = finishLocked();
        }
      } catch (RejectedExecutionException e) {
        // The narrator is closing; closing ends narrations silently, like cancel().
        cancelled = true;
        toRun = finishLocked();
      }
    }
    // Outside the lock: cleanups cancel HTTP calls and timers, which may call back into us.
    toRun.forEach(Runnable::run);
  }

  /** Marks the narration finished (under the lock, so nothing is queued after a terminal). */
  private List<Runnable> finishLocked() {
    if (finished) {
      return List.of();
    }
    finished = true;
    List<Runnable> toRun = List.copyOf(cleanups);
    cleanups.clear();
    return toRun;
  }

  private void deliverText(String chunk) {
    if (chunks == 0) {
      firstTokenNanos = System.nanoTime();
      safely("onFirstToken", listener::onFirstToken);
    }
    chunks++;
    safely("onText", () -> listener.onText(chunk));
  }

  private void deliverDone() {
    long now = System.nanoTime();
    NarrationStats stats = new NarrationStats(
        TimeUnit.NANOSECONDS.toMillis(firstTokenNanos - startNanos),
        TimeUnit.NANOSECONDS.toMillis(now - startNanos),
        chunks);
    safely("onDone", () -> listener.onDone(stats));
  }

  private void safely(String callback, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      // A broken listener usually throws on every chunk; one warning per narration is enough.
      if (!listenerFailed) {
        listenerFailed = true;
        LOG.warn("narration listener failed in {}", callback, e);
      } else {
        LOG.debug("narration listener failed again in {}", callback, e);
      }
    }
  }
}
