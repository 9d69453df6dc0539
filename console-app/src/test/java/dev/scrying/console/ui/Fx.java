package dev.scrying.console.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
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

  /** The node {@code query} finds, waiting for it to enter the scene (a page switch or a dialog may still be under way). */
  static <T extends Node> T node(FxRobot robot, String query, Class<T> type) {
    until("a node " + query, () -> robot.lookup(query).tryQuery().isPresent());
    return on(() -> robot.lookup(query).queryAs(type));
  }

  /**
   * Clicks the node {@code query} finds, looking it up on the FX thread: a lookup from the test thread
   * can race with the FX thread changing the scene graph.
   */
  static void click(FxRobot robot, String query) {
    // Dialogs slide in: a click aimed while the node still moves, or lies outside the window, misses it.
    AtomicReference<Bounds> last = new AtomicReference<>();
    until(query + " on screen and at rest", () -> {
      Bounds now = robot.lookup(query).tryQuery().map(Fx::visibleBounds).orElse(null);
      return now != null && now.equals(last.getAndSet(now));
    });
    Node node = on(() -> robot.lookup(query).query());
    robot.clickOn(node);
  }

  /** The node's bounds in its scene, or null where none of it can be seen. */
  private static Bounds visibleBounds(Node node) {
    Scene scene = node.getScene();
    if (scene == null || !NodeQueryUtils.isVisible().test(node)) {
      return null;
    }
    Bounds b = node.localToScene(node.getBoundsInLocal());
    boolean inside = b.getWidth() > 0 && b.getMaxX() > 0 && b.getMaxY() > 0
        && b.getMinX() < scene.getWidth() && b.getMinY() < scene.getHeight();
    return inside ? b : null;
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
