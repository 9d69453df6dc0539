package dev.scrying.console.ui.latency;

import dev.scrying.console.model.latency.Hop;
import dev.scrying.console.model.latency.Waterfall;
import dev.scrying.console.ui.Controls;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A per-hop waterfall: one row per step with its name, a bar placed on a shared time axis, and its
 * duration. Steps far shorter than the whole still get a visible sliver. Bars are styled regions, so
 * they follow the theme. FX thread.
 */
public final class WaterfallChart extends GridPane {
  private static final double MIN_BAR = 3;
  private final Label empty = Controls.muted("Select an action to see where its time went.");

  {
    empty.setWrapText(true);
  }

  public WaterfallChart() {
    setId("waterfall");
    getStyleClass().add("waterfall");
    setHgap(12);
    setVgap(6);
    ColumnConstraints name = new ColumnConstraints(170);
    ColumnConstraints bars = new ColumnConstraints();
    bars.setHgrow(Priority.ALWAYS);
    ColumnConstraints value = new ColumnConstraints(80);
    value.setHalignment(javafx.geometry.HPos.RIGHT);
    getColumnConstraints().addAll(name, bars, value);
    add(empty, 0, 0, 3, 1);
  }

  public void show(Waterfall w, boolean selected) {
    getChildren().clear();
    if (w.steps().isEmpty()) {
      empty.setText(selected ? "Only one stamp of this action is known so far; the server may not have"
          + " recorded it (a command that changed nothing is not traced)." : "Select an action to see where its time went.");
      add(empty, 0, 0, 3, 1);
      return;
    }
    int row = 0;
    for (Waterfall.Step s : w.steps()) {
      Label name = new Label(s.label());
      name.getStyleClass().add("waterfall-name");
      add(name, 0, row);
      add(track(s, w.totalMs()), 1, row);
      Label ms = new Label(format(s.durationMs()));
      ms.getStyleClass().add("waterfall-ms");
      add(ms, 2, row);
      row++;
    }
    Label total = new Label("Total " + format(w.totalMs()));
    total.getStyleClass().add("waterfall-total");
    add(total, 0, row, 3, 1);
    GridPane.setHalignment(total, javafx.geometry.HPos.RIGHT);
  }

  private static Pane track(Waterfall.Step s, double totalMs) {
    Region bar = new Region();
    bar.getStyleClass().addAll("waterfall-bar", "hop-" + s.to().wire().replace('_', '-'));
    if (s.to() == Hop.FIRST_NARRATIVE || s.to() == Hop.DONE) {
      bar.getStyleClass().add("narrative");
    } else if (s.from() == Hop.CLIENT_SEND || s.to() == Hop.CLIENT_RECEIVED) {
      bar.getStyleClass().add("network");
    }
    Pane track = new Pane(bar);
    track.getStyleClass().add("waterfall-track");
    track.setMinHeight(14);
    track.setPrefHeight(14);
    bar.setManaged(false);
    track.widthProperty().addListener((obs, old, width) -> place(bar, s, totalMs, width.doubleValue()));
    return track;
  }

  private static void place(Region bar, Waterfall.Step s, double totalMs, double width) {
    double scale = totalMs <= 0 ? 0 : width / totalMs;
    double x = s.startMs() * scale;
    double w = Math.max(MIN_BAR, s.durationMs() * scale);
    bar.resizeRelocate(Math.min(x, Math.max(0, width - w)), 1, w, 12);
  }

  static String format(double ms) {
    return ms < 1 ? String.format(Locale.ROOT, "%.0f µs", ms * 1000)
        : ms < 100 ? String.format(Locale.ROOT, "%.1f ms", ms)
        : ms < 1000 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.2f s", ms / 1000);
  }
}
