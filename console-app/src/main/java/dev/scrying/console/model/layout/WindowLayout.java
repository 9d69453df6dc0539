package dev.scrying.console.model.layout;

import java.util.Map;

/**
 * How the operator left the window: its bounds, whether it was maximised, the theme, the page shown
 * and every split divider by name. Restored on the next start, the bounds only if still on a screen.
 */
public record WindowLayout(double x, double y, double width, double height, boolean maximized, boolean dark,
    String page, Map<String, Double> dividers) {

  public static final WindowLayout DEFAULT = new WindowLayout(Double.NaN, Double.NaN, 1440, 900, false, false, "WORLD",
      Map.of());

  public WindowLayout {
    dividers = Map.copyOf(dividers);
  }

  /** True when there are saved bounds to restore (the default has none, so the window centres). */
  public boolean hasPosition() {
    return !Double.isNaN(x) && !Double.isNaN(y);
  }
}
