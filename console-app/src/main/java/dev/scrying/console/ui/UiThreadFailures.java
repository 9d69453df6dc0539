package dev.scrying.console.ui;

import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an exception nothing caught on the JavaFX thread: it goes to the log with a plain
 * message instead of a stack trace on the terminal. One case is expected and dropped: on Ctrl+C or
 * SIGTERM JavaFX stops its renderer from its own exit hook while the UI thread may still pulse once.
 */
public final class UiThreadFailures implements Thread.UncaughtExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(UiThreadFailures.class);

  /** Installs this handler on the calling thread, which must be the JavaFX application thread. */
  public static void installOnThisThread() {
    Thread.currentThread().setUncaughtExceptionHandler(new UiThreadFailures());
  }

  @Override
  public void uncaughtException(Thread thread, Throwable e) {
    if (e instanceof RejectedExecutionException && jvmExiting()) {
      return;
    }
    LOG.error("unexpected error on the UI thread; the console goes on ({})", e.toString(), e);
  }

  static boolean jvmExiting() {
    Thread probe = new Thread(() -> { });
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
