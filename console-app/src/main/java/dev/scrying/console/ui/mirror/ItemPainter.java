package dev.scrying.console.ui.mirror;

import dev.scrying.console.model.mirror.ItemView;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Paints one item: a glowing orb with its symbol (or a plain token for items without a glow), and its vanishing. */
final class ItemPainter {
  private ItemPainter() {}

  static void item(GraphicsContext g, ItemView item, double cx, double cy, double r, MirrorCanvas.Palette p) {
    orb(g, item, cx, cy, r, 1, p);
    g.setFill(p.muted());
    g.setFont(Font.font(11));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    g.fillText(shortName(item.name()), cx, cy + r * 1.5);
  }

  /** The item at {@code progress} (0..1) of vanishing: it swells, fades and throws sparks outward. */
  static void vanishing(GraphicsContext g, ItemView item, double cx, double cy, double r, double progress,
      MirrorCanvas.Palette p) {
    double alpha = 1 - progress;
    orb(g, item, cx, cy, r * (1 + 0.7 * progress), alpha, p);
    Color spark = GlowColors.of(item.glowColor(), p.accent());
    g.setFill(spark.deriveColor(0, 1, 1.2, alpha));
    for (int i = 0; i < 8; i++) {
      double a = i * Math.PI / 4 + progress;
      double d = r * (1 + 2.4 * progress);
      double s = Math.max(1, 4 * alpha);
      g.fillOval(cx + d * Math.cos(a) - s / 2, cy + d * Math.sin(a) - s / 2, s, s);
    }
  }

  private static void orb(GraphicsContext g, ItemView item, double cx, double cy, double r, double alpha,
      MirrorCanvas.Palette p) {
    boolean glows = !item.glowColor().isEmpty();
    Color c = glows ? GlowColors.of(item.glowColor(), p.accent()) : p.muted();
    if (glows) {
      g.setFill(MirrorCanvas.glow(c, cx, cy, r * 2.2, alpha));
      g.fillOval(cx - r * 2.2, cy - r * 2.2, r * 4.4, r * 4.4);
    }
    g.setFill(c.deriveColor(0, 1, 1, 0.9 * alpha));
    g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
    g.setStroke(Color.WHITE.deriveColor(0, 1, 1, 0.55 * alpha));
    g.setLineWidth(1.2);
    g.strokeArc(cx - r * 0.7, cy - r * 0.7, r * 1.4, r * 1.4, 100, 70, javafx.scene.shape.ArcType.OPEN);
    if (!item.symbol().isEmpty()) {
      SymbolPainter.paint(g, item.symbol(), cx, cy, r * 0.55, Color.WHITE.deriveColor(0, 1, 1, 0.92 * alpha));
    } else {
      g.setFill(Color.WHITE.deriveColor(0, 1, 1, 0.9 * alpha));
      g.setFont(Font.font(null, FontWeight.BOLD, r * 0.9));
      g.setTextAlign(TextAlignment.CENTER);
      g.setTextBaseline(VPos.CENTER);
      g.fillText(item.name().isEmpty() ? "?" : item.name().substring(0, 1), cx, cy);
    }
  }

  private static String shortName(String name) {
    String n = name.startsWith("Bottle of ") ? name.substring("Bottle of ".length()) : name;
    return n.length() > 16 ? n.substring(0, 15) + "…" : n;
  }
}
