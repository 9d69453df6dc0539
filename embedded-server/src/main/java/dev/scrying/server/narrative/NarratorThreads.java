package dev.scrying.server.narrative;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named {@code narrator-*}, so a narrator never keeps the JVM alive. */
final class NarratorThreads implements ThreadFactory {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private final String prefix;

  NarratorThreads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + "-" + SEQUENCE.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }

  /**
   * One thread: running callbacks and timers on a single thread is what makes each narration's
   * callbacks ordered without further locking.
   */
  static ScheduledThreadPoolExecutor singleThreadScheduler(String prefix) {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, new NarratorThreads(prefix));
    scheduler.setRemoveOnCancelPolicy(true);
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return scheduler;
  }
}
