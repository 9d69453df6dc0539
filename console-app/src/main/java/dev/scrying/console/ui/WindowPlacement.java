package dev.scrying.console.ui;

import dev.scrying.console.model.layout.WindowLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the window back where the operator left it, but only if that place is still on a screen (a
 * laptop unplugged from the shop's monitor must not open off-screen), and reads it back on close.
 * FX thread.
 */
public final class WindowPlacement {
  private static final double MIN_VISIBLE = 120;

  private WindowPlacement() {}

  public static void restore(Stage stage, WindowLayout layout) {
    stage.setWidth(layout.width());
    stage.setHeight(layout.height());
    if (layout.hasPosition() && onScreen(layout)) {
      stage.setX(layout.x());
      stage.setY(layout.y());
    } else {
      stage.centerOnScreen();
    }
    stage.setMaximized(layout.maximized());
  }

  /** Sets each saved divider after the first layout pass, when split panes know their size. */
  public static void restoreDividers(Map<String, SplitPane> splits, WindowLayout layout) {
    splits.forEach((name, split) -> {
      Double at = layout.dividers().get(name);
      if (at != null && at > 0.05 && at < 0.95 && !split.getDividers().isEmpty()) {
        split.setDividerPositions(at);
      }
    });
  }

  public static WindowLayout capture(Stage stage, boolean dark, String page, Map<String, SplitPane> splits) {
    Map<String, Double> dividers = new LinkedHashMap<>();
    splits.forEach((name, split) -> {
      if (!split.getDividers().isEmpty()) {
        dividers.put(name, split.getDividerPositions()[0]);
      }
    });
    return new WindowLayout(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(), dark,
        page, dividers);
  }

  /** True when a useful part of the saved window (its title bar area) lies on some screen. */
  static boolean onScreen(WindowLayout l) {
    Rectangle2D titleBar = new Rectangle2D(l.x(), l.y(), Math.max(1, l.width()), MIN_VISIBLE);
    for (Screen s : Screen.getScreens()) {
      Rectangle2D b = s.getVisualBounds();
      double w = Math.min(b.getMaxX(), titleBar.getMaxX()) - Math.max(b.getMinX(), titleBar.getMinX());
      double h = Math.min(b.getMaxY(), titleBar.getMaxY()) - Math.max(b.getMinY(), titleBar.getMinY());
      if (w >= MIN_VISIBLE && h >= 40) {
        return true;
      }
    }
    return false;
  }
}
