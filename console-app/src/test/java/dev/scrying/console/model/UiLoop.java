package dev.scrying.console.model;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The test thread playing the UI thread: runs queued UI work until a condition holds (10 s at most). */
public final class UiLoop {
  private final ManualUiThread thread = new ManualUiThread();
  private final UiDispatch dispatch = new UiDispatch(thread);

  public UiDispatch dispatch() {
    return dispatch;
  }

  public void runPending() {
    thread.runPending();
  }

  public void until(BooleanSupplier condition) {
    await().atMost(10, SECONDS).pollInterval(Duration.ofMillis(5)).until(() -> {
      thread.runPending();
      return condition.getAsBoolean();
    });
  }
}
