package dev.scrying.console.ui.mirror;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Draws an item's symbol (star, moon, leaf, spiral, cloud) as simple vector shapes centred on a point. */
final class SymbolPainter {
  private SymbolPainter() {}

  static void paint(GraphicsContext g, String symbol, double cx, double cy, double r, Color color) {
    g.setFill(color);
    g.setStroke(color);
    g.setLineWidth(Math.max(1.2, r / 7));
    switch (symbol) {
      case "star" -> star(g, cx, cy, r);
      case "moon" -> moon(g, cx, cy, r);
      case "leaf" -> leaf(g, cx, cy, r);
      case "spiral" -> spiral(g, cx, cy, r);
      case "cloud" -> cloud(g, cx, cy, r);
      default -> g.fillOval(cx - r / 3, cy - r / 3, r / 1.5, r / 1.5);
    }
  }

  private static void star(GraphicsContext g, double cx, double cy, double r) {
    double[] xs = new double[10];
    double[] ys = new double[10];
    for (int i = 0; i < 10; i++) {
      double radius = i % 2 == 0 ? r : r * 0.45;
      double a = -Math.PI / 2 + i * Math.PI / 5;
      xs[i] = cx + radius * Math.cos(a);
      ys[i] = cy + radius * Math.sin(a);
    }
    g.fillPolygon(xs, ys, 10);
  }

  private static void moon(GraphicsContext g, double cx, double cy, double r) {
    g.beginPath();
    g.arc(cx, cy, r, r, 90, 180);
    g.arc(cx, cy, r * 0.45, r, 270, -180);
    g.closePath();
    g.fill();
  }

  private static void leaf(GraphicsContext g, double cx, double cy, double r) {
    g.beginPath();
    g.moveTo(cx, cy + r);
    g.quadraticCurveTo(cx - r * 1.1, cy, cx, cy - r);
    g.quadraticCurveTo(cx + r * 1.1, cy, cx, cy + r);
    g.closePath();
    g.fill();
  }

  private static void spiral(GraphicsContext g, double cx, double cy, double r) {
    g.beginPath();
    int steps = 60;
    double turns = 2.5;
    for (int i = 0; i <= steps; i++) {
      double t = i / (double) steps;
      double a = t * turns * 2 * Math.PI;
      double x = cx + r * t * Math.cos(a);
      double y = cy + r * t * Math.sin(a);
      if (i == 0) {
        g.moveTo(x, y);
      } else {
        g.lineTo(x, y);
      }
    }
    g.stroke();
  }

  private static void cloud(GraphicsContext g, double cx, double cy, double r) {
    g.fillOval(cx - r, cy - r * 0.2, r * 0.9, r * 0.9);
    g.fillOval(cx - r * 0.45, cy - r * 0.65, r * 1.0, r * 1.0);
    g.fillOval(cx + r * 0.1, cy - r * 0.25, r * 0.9, r * 0.9);
    g.fillRect(cx - r * 0.55, cy + r * 0.2, r * 1.1, r * 0.45);
  }
}
