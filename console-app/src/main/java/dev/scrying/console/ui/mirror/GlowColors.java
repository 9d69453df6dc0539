package dev.scrying.console.ui.mirror;

import java.util.Map;
import javafx.scene.paint.Color;

/** The colours behind the content's glow names ("turquoise", "golden", …), tuned to read on light and dark. */
final class GlowColors {
  private static final Map<String, Color> NAMED = Map.of(
      "turquoise", Color.web("#2EC4B6"),
      "amber", Color.web("#F4A012"),
      "golden", Color.web("#E9B826"),
      "emerald", Color.web("#2FA866"),
      "silver", Color.web("#9AA7B8"),
      "violet", Color.web("#8E6BD8"),
      "rose", Color.web("#E0607E"));

  private GlowColors() {}

  static Color of(String name, Color fallback) {
    if (name == null || name.isBlank()) {
      return fallback;
    }
    Color c = NAMED.get(name.toLowerCase(java.util.Locale.ROOT));
    if (c != null) {
      return c;
    }
    try {
      return Color.web(name);
    } catch (IllegalArgumentException unknown) {
      return fallback;
    }
  }
}
