package dev.scrying.console.ui;

import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Reads the theme's colour variables (e.g. {@code -color-accent-fg}) for code that paints on a Canvas,
 * so charts and the mirror follow light and dark like every styled node. FX thread; the probe must be
 * in a scene with the theme applied.
 */
public final class ThemeColors {
  private final Region probe = new Region();

  /** Adds an invisible probe to {@code parent}; resolve colours after the scene is styled. */
  public ThemeColors(Parent parent) {
    probe.setManaged(false);
    probe.setVisible(false);
    if (parent instanceof javafx.scene.layout.Pane pane) {
      pane.getChildren().add(probe);
    }
  }

  /** The colour a theme variable currently stands for, or {@code fallback} if it cannot be read. */
  public Color get(String variable, Color fallback) {
    probe.setStyle("-fx-background-color: " + variable + ";");
    probe.applyCss();
    if (probe.getBackground() == null || probe.getBackground().getFills().isEmpty()) {
      return fallback;
    }
    Paint p = probe.getBackground().getFills().get(0).getFill();
    return p instanceof Color c ? c : fallback;
  }
}
