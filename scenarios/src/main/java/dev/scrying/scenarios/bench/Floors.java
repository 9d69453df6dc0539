package dev.scrying.scenarios.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** Floors measured on another thread during a run's measured window, for as long as it lasts. */
@FunctionalInterface
interface Floors {
  ObjectNode measure(long seconds) throws Exception;

  static Floors none() {
    return seconds -> null;
  }

  /**
   * Runs {@code probe} on a thread of its own. Not the common pool: on two cores it has one worker, and
   * a second probe queued behind the first would measure after the window instead of during it.
   */
  static <T> CompletableFuture<T> onOwnThread(String name, Callable<T> probe) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        result.complete(probe.call());
      } catch (Exception | Error e) {
        result.completeExceptionally(e);
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return result;
  }
}
