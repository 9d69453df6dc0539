package dev.scrying.console.ui.latency;

import dev.scrying.console.model.latency.HistogramBar;
import dev.scrying.console.ui.ThemeColors;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A latency histogram on a Canvas: doubling buckets as bars, and the metric's budget as a dashed line
 * at its place on the same axis. Redrawn on resize, on new data and on theme change. FX thread.
 */
public final class HistogramChart extends Pane {
  private static final double PAD_LEFT = 36;
  private static final double PAD_BOTTOM = 22;
  private static final double PAD_TOP = 12;

  private final Canvas canvas = new Canvas();
  private final ThemeColors colors;
  private List<HistogramBar> bars = List.of();
  private double budgetMs;

  public HistogramChart() {
    setId("histogram");
    getStyleClass().add("histogram");
    getChildren().add(canvas);
    colors = new ThemeColors(this);
    widthProperty().addListener(o -> draw());
    heightProperty().addListener(o -> draw());
    setMinHeight(140);
  }

  public void show(List<HistogramBar> data, double budget) {
    bars = data;
    budgetMs = budget;
    draw();
  }

  public void redraw() {
    draw();
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(getWidth());
    canvas.setHeight(getHeight());
    draw();
  }

  private void draw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    g.clearRect(0, 0, w, h);
    Color text = colors.get("-color-fg-muted", Color.GRAY);
    g.setFont(Font.font(11));
    g.setFill(text);
    if (bars.isEmpty()) {
      g.setTextAlign(TextAlignment.CENTER);
      g.setTextBaseline(VPos.CENTER);
      g.fillText("No samples yet", w / 2, h / 2);
      return;
    }
    long peak = bars.stream().mapToLong(HistogramBar::count).max().orElse(1);
    double plotW = w - PAD_LEFT - 8;
    double plotH = h - PAD_BOTTOM - PAD_TOP;
    double slot = plotW / bars.size();
    Color bar = colors.get("-color-accent-emphasis", Color.STEELBLUE);
    Color over = colors.get("-color-danger-emphasis", Color.CRIMSON);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    for (int i = 0; i < bars.size(); i++) {
      HistogramBar b = bars.get(i);
      double bh = peak == 0 ? 0 : plotH * b.count() / peak;
      double x = PAD_LEFT + i * slot + 2;
      g.setFill(b.fromMs() >= budgetMs ? over : bar);
      g.fillRoundRect(x, PAD_TOP + plotH - bh, Math.max(1, slot - 4), bh, 3, 3);
      if (i % Math.max(1, bars.size() / 8) == 0) {
        g.setFill(text);
        g.fillText(WaterfallChart.format(b.toMs()), x + slot / 2, PAD_TOP + plotH + 4);
      }
    }
    drawBudget(g, plotW, plotH, slot, over);
    g.setFill(text);
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.TOP);
    g.fillText(Long.toString(peak), PAD_LEFT - 6, PAD_TOP - 2);
  }

  /** The budget sits between buckets, interpolated on the doubling axis. */
  private void drawBudget(GraphicsContext g, double plotW, double plotH, double slot, Color color) {
    for (int i = 0; i < bars.size(); i++) {
      HistogramBar b = bars.get(i);
      if (budgetMs >= b.fromMs() && budgetMs <= b.toMs()) {
        double within = b.toMs() <= b.fromMs() ? 0 : (budgetMs - b.fromMs()) / (b.toMs() - b.fromMs());
        double x = PAD_LEFT + (i + within) * slot;
        g.setStroke(color);
        g.setLineWidth(1.5);
        g.setLineDashes(5, 4);
        g.strokeLine(x, PAD_TOP, x, PAD_TOP + plotH);
        g.setLineDashes();
        g.setFill(color);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("budget " + WaterfallChart.format(budgetMs), x + 4, PAD_TOP);
        return;
      }
    }
  }
}
