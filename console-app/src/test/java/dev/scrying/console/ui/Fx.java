package dev.scrying.console.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Reads and waits on FX state from a test thread: node state is read on the FX thread, where it lives. */
final class Fx {
  private Fx() {}

  static <T> T on(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get(10, SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void run(Runnable r) {
    on(() -> {
      r.run();
      return null;
    });
  }

  static String text(FxRobot robot, String query) {
    return on(() -> robot.lookup(query).queryAs(Labeled.class).getText());
  }

  static <T extends Node> T node(FxRobot robot, String query, Class<T> type) {
    return on(() -> robot.lookup(query).queryAs(type));
  }

  /** Waits (30 s at most) until {@code condition}, evaluated on the FX thread, holds. */
  static void until(BooleanSupplier condition) {
    await().atMost(30, SECONDS).until(() -> on(condition::getAsBoolean));
  }

  /** The same, naming what it waits for in the failure message. */
  static void until(String what, BooleanSupplier condition) {
    await(what).atMost(30, SECONDS).until(() -> on(condition::getAsBoolean));
  }
}
