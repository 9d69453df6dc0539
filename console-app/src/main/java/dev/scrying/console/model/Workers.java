package dev.scrying.console.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Named daemon threads for view models' background work, so a forgotten one never keeps the JVM alive. */
public final class Workers {
  private Workers() {}

  /** One thread that runs tasks in order: a view model's private strand. */
  public static ScheduledExecutorService single(String name) {
    return Executors.newSingleThreadScheduledExecutor(r -> thread(r, name));
  }

  /** A pool for independent jobs such as exports. */
  public static ExecutorService pool(String name) {
    return Executors.newCachedThreadPool(r -> thread(r, name));
  }

  /** Milliseconds since this JVM started, for start-up timings in the log. */
  public static long sinceLaunchMillis() {
    return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
  }

  private static Thread thread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
