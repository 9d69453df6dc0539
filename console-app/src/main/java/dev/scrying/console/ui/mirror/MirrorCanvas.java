package dev.scrying.console.ui.mirror;

import dev.scrying.console.model.mirror.ItemView;
import dev.scrying.console.model.mirror.MirrorScene;
import dev.scrying.console.model.mirror.SpotView;
import dev.scrying.console.model.mirror.VanishedItem;
import dev.scrying.console.ui.ThemeColors;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.RadialGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Paints a {@link MirrorScene}: the zone's spots as alcoves on a grid, glowing items with their
 * symbols, NPCs and players, and the watched player's own spot ringed in the accent colour. An item
 * that vanishes swells, fades and throws a few sparks for {@value #VANISH_MILLIS} ms. FX thread only.
 */
public final class MirrorCanvas extends Pane {
  static final long VANISH_MILLIS = 700;
  private static final double PAD = 20;
  private static final double GAP = 14;
  private static final double HEADER = 30;
  private static final double MAX_CELL_ASPECT = 1.45;

  private final Canvas canvas = new Canvas();
  private final ThemeColors colors;
  private final List<Vanishing> vanishing = new ArrayList<>();
  private final java.util.ArrayDeque<String> vanishedIds = new java.util.ArrayDeque<>();
  private final AnimationTimer animation = new AnimationTimer() {
    @Override
    public void handle(long now) {
      vanishing.removeIf(v -> v.progress(now) >= 1);
      draw();
      if (vanishing.isEmpty()) {
        stop();
      }
    }
  };
  private MirrorScene scene = MirrorScene.EMPTY;
  private Palette palette;

  public MirrorCanvas() {
    setId("mirrorCanvas");
    getStyleClass().add("mirror-canvas");
    getChildren().add(canvas);
    colors = new ThemeColors(this);
    setMinSize(320, 240);
  }

  public void show(MirrorScene s) {
    scene = s;
    draw();
  }

  /** Starts the vanish animation of an item at the place it had. */
  public void vanish(VanishedItem item) {
    vanishing.add(new Vanishing(item, System.nanoTime()));
    vanishedIds.addFirst(item.item().id());
    while (vanishedIds.size() > 20) {
      vanishedIds.removeLast();
    }
    animation.start();
  }

  /** The items this canvas animated away, newest first (the last 20). */
  public List<String> vanished() {
    return List.copyOf(vanishedIds);
  }

  /** True while {@code itemId}'s vanish animation runs. */
  public boolean isVanishing(String itemId) {
    return vanishing.stream().anyMatch(v -> v.item.item().id().equals(itemId));
  }

  /** Re-reads the theme's colours (after a theme change) and repaints. */
  public void themeChanged() {
    palette = null;
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
    if (w <= 0 || h <= 0) {
      return;
    }
    if (palette == null) {
      palette = Palette.read(colors);
    }
    g.clearRect(0, 0, w, h);
    if (scene.spots().isEmpty()) {
      empty(g, w, h);
      return;
    }
    Grid grid = new Grid(scene, w, h);
    caption(g, grid, w);
    for (SpotView s : scene.spots()) {
      spot(g, grid, s);
    }
    long now = System.nanoTime();
    for (Vanishing v : vanishing) {
      SpotView at = scene.spots().stream().filter(s -> s.id().equals(v.item.spotId())).findFirst().orElse(null);
      if (at != null) {
        double[] c = grid.itemCentre(at, v.item.slot(), Math.max(v.item.slot() + 1, at.items().size() + 1));
        ItemPainter.vanishing(g, v.item.item(), c[0], c[1], grid.orb(), v.progress(now), palette);
      }
    }
  }

  /** The zone's description above the alcoves, in one muted line. */
  private void caption(GraphicsContext g, Grid grid, double w) {
    g.setFill(palette.muted());
    g.setFont(Font.font(null, javafx.scene.text.FontPosture.ITALIC, 13));
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.BOTTOM);
    g.fillText(fit(scene.description(), w - 2 * PAD), PAD, grid.top - 10);
  }

  private void empty(GraphicsContext g, double w, double h) {
    g.setFill(palette.muted());
    g.setFont(Font.font(14));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.fillText("No mirror yet: the picture appears once a player's client has its first snapshot.", w / 2, h / 2);
  }

  private void spot(GraphicsContext g, Grid grid, SpotView s) {
    double x = grid.x(s);
    double y = grid.y(s);
    g.setFill(palette.alcove());
    g.fillRoundRect(x, y, grid.cellW, grid.cellH, 16, 16);
    g.setStroke(s.self() ? palette.accent() : palette.border());
    g.setLineWidth(s.self() ? 2.5 : 1);
    g.strokeRoundRect(x, y, grid.cellW, grid.cellH, 16, 16);
    g.setFill(palette.text());
    g.setFont(Font.font(null, FontWeight.BOLD, 13));
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.TOP);
    g.fillText(fit(s.name(), grid.cellW - 24), x + 12, y + 10);
    double lineY = y + 30;
    if (!s.npcs().isEmpty()) {
      g.setFont(Font.font(12));
      g.setFill(palette.npc());
      g.fillText("✦ " + String.join(", ", s.npcs()), x + 12, lineY);
    }
    int slots = Math.max(1, s.items().size());
    for (int i = 0; i < s.items().size(); i++) {
      double[] c = grid.itemCentre(s, i, slots);
      ItemPainter.item(g, s.items().get(i), c[0], c[1], grid.orb(), palette);
    }
    people(g, s, x, y + grid.cellH - 28);
  }

  private void people(GraphicsContext g, SpotView s, double x, double baseY) {
    double px = x + 12;
    g.setFont(Font.font(null, FontWeight.BOLD, 11));
    g.setTextBaseline(VPos.CENTER);
    if (s.self()) {
      px = pin(g, px, baseY, scene.player(), palette.accent());
    }
    for (String p : s.players()) {
      px = pin(g, px, baseY, p, palette.other());
    }
  }

  private double pin(GraphicsContext g, double x, double y, String who, Color color) {
    g.setFill(color);
    g.fillOval(x, y + 2, 18, 18);
    g.setFill(Color.WHITE);
    g.setTextAlign(TextAlignment.CENTER);
    g.fillText(who.isEmpty() ? "?" : who.substring(0, 1).toUpperCase(java.util.Locale.ROOT), x + 9, y + 11);
    g.setFill(palette.text());
    g.setTextAlign(TextAlignment.LEFT);
    g.setFont(Font.font(11));
    g.fillText(who, x + 22, y + 11);
    g.setFont(Font.font(null, FontWeight.BOLD, 11));
    return x + 30 + who.length() * 6.5;
  }

  private static String fit(String text, double width) {
    int max = (int) (width / 7.2);
    return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)) + "…";
  }

  /** Cell geometry of the scene's grid in this canvas. */
  private static final class Grid {
    final double cellW;
    final double cellH;
    final double top;

    Grid(MirrorScene s, double w, double h) {
      cellW = (w - 2 * PAD - (s.columns() - 1) * GAP) / s.columns();
      double room = h - PAD - HEADER - PAD;
      // Alcoves no taller than they are wide; the grid then sits in the middle of the space.
      cellH = Math.min((room - (s.rows() - 1) * GAP) / s.rows(), cellW * MAX_CELL_ASPECT);
      double used = s.rows() * cellH + (s.rows() - 1) * GAP;
      // The caption and the alcoves together sit in the middle of the space.
      top = PAD + HEADER + Math.max(0, (room - used) / 2) ;
    }

    double x(SpotView s) {
      return PAD + s.column() * (cellW + GAP);
    }

    double y(SpotView s) {
      return top + s.row() * (cellH + GAP);
    }

    double orb() {
      return Math.max(10, Math.min(26, Math.min(cellW, cellH) / 7));
    }

    double[] itemCentre(SpotView s, int slot, int slots) {
      double span = cellW - 24;
      double cx = x(s) + 12 + span * (slot + 0.5) / slots;
      double cy = y(s) + cellH * 0.56;
      return new double[] {cx, cy};
    }
  }

  /** One item on its way out. */
  private record Vanishing(VanishedItem item, long startedNanos) {
    double progress(long now) {
      return Math.min(1, (now - startedNanos) / (VANISH_MILLIS * 1_000_000.0));
    }
  }

  /** The theme's colours for painting, read once per theme. */
  record Palette(Color alcove, Color border, Color text, Color muted, Color accent, Color npc, Color other) {
    static Palette read(ThemeColors c) {
      return new Palette(c.get("-color-bg-subtle", Color.web("#f6f8fa")), c.get("-color-border-default", Color.GRAY),
          c.get("-color-fg-default", Color.BLACK), c.get("-color-fg-muted", Color.GRAY),
          c.get("-color-accent-emphasis", Color.web("#0969da")), c.get("-color-chart-5", Color.MEDIUMPURPLE),
          c.get("-color-chart-2", Color.DARKORANGE));
    }
  }

  /** A radial glow used by items; exposed for the painter. */
  static RadialGradient glow(Color c, double cx, double cy, double r, double alpha) {
    return new RadialGradient(0, 0, cx, cy, r, false, CycleMethod.NO_CYCLE,
        new Stop(0, c.deriveColor(0, 1, 1, 0.55 * alpha)), new Stop(1, c.deriveColor(0, 1, 1, 0)));
  }
}
