package dev.scrying.console.ui.latency;

import atlantafx.base.theme.Styles;
import dev.scrying.console.model.Page;
import dev.scrying.console.model.latency.ActionTrace;
import dev.scrying.console.model.latency.Hop;
import dev.scrying.console.model.latency.LatencyViewModel;
import dev.scrying.console.model.latency.MetricStats;
import dev.scrying.console.ui.Controls;
import dev.scrying.console.ui.PageHeader;
import dev.scrying.console.ui.PanelView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Latency panel: recent actions on the left; on the right the selected action's waterfall, the
 * live percentiles per metric, and the histogram of the metric selected in that table. FX thread.
 */
public final class LatencyView extends BorderPane implements PanelView {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final LatencyViewModel model;
  private final SplitPane split;
  private final HistogramChart histogram = new HistogramChart();

  public LatencyView(LatencyViewModel model) {
    this.model = model;
    getStyleClass().add("panel");
    Button reset = Controls.button("latencyReset", "Reset percentiles", Material2MZ.REFRESH);
    reset.setOnAction(e -> model.resetStats());
    setTop(new PageHeader(Page.LATENCY, reset));
    split = new SplitPane(actions(), details());
    split.setId("latencySplit");
    split.setDividerPositions(0.28);
    setCenter(split);
  }

  private Node actions() {
    ListView<ActionTrace> list = new ListView<>();
    list.setId("latencyActions");
    list.getStyleClass().add(Styles.DENSE);
    list.setPlaceholder(Controls.muted("Actions appear here as players act."));
    list.setCellFactory(l -> new TraceCell());
    model.recent().observe(r -> {
      ActionTrace keep = list.getSelectionModel().getSelectedItem();
      list.getItems().setAll(r);
      if (keep != null) {
        r.stream().filter(t -> t.traceId().equals(keep.traceId())).findFirst()
            .ifPresent(t -> list.getSelectionModel().select(t));
      }
    });
    list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null && (old == null || !old.traceId().equals(now.traceId()))) {
        model.select(now);
      }
    });
    VBox box = new VBox(8, Controls.caption("Recent actions"), list);
    VBox.setVgrow(list, Priority.ALWAYS);
    box.getStyleClass().add("pane-left");
    return box;
  }

  private Node details() {
    WaterfallChart waterfall = new WaterfallChart();
    Label which = new Label();
    which.getStyleClass().add(Styles.TEXT_MUTED);
    model.waterfall().observe(w -> waterfall.show(w, model.selected().get() != null));
    model.selected().observe(t -> which.setText(t == null ? "" : describe(t)));
    PercentileTable table = new PercentileTable();
    model.stats().observe(s -> {
      MetricStats keep = table.getSelectionModel().getSelectedItem();
      table.getItems().setAll(s);
      if (keep != null) {
        s.stream().filter(x -> x.metric() == keep.metric()).findFirst().ifPresent(x -> table.getSelectionModel().select(x));
      }
    });
    table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null && (old == null || old.metric() != now.metric())) {
        model.showHistogram(now.metric());
      }
    });
    Label histogramTitle = new Label();
    histogramTitle.getStyleClass().add(Styles.TEXT_MUTED);
    model.histogramMetric().observe(m -> histogramTitle.setText(m.label()));
    model.bars().observe(b -> histogram.show(b, model.histogramMetric().get().budgetMs()));
    VBox.setVgrow(histogram, Priority.ALWAYS);
    VBox box = new VBox(10,
        Controls.row(8, Controls.caption("Waterfall"), which), waterfall,
        Controls.caption("Percentiles (since start or reset)"), table,
        Controls.row(8, Controls.caption("Histogram"), histogramTitle), histogram);
    box.getStyleClass().add("pane-right");
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setFitToHeight(true);
    return scroll;
  }

  private static String describe(ActionTrace t) {
    return (t.userId().isEmpty() ? "?" : t.userId()) + " · " + (t.action().isEmpty() ? "untraced action" : t.action())
        + " · trace " + t.traceId().substring(0, Math.min(8, t.traceId().length()));
  }

  public SplitPane split() {
    return split;
  }

  /** Repaints the canvas after a theme change. */
  @Override
  public void themeChanged() {
    histogram.redraw();
  }

  @Override
  public Node root() {
    return this;
  }

  @Override
  public java.util.Map<String, SplitPane> splits() {
    return java.util.Map.of("main", split);
  }

  private static final class TraceCell extends ListCell<ActionTrace> {
    @Override
    protected void updateItem(ActionTrace t, boolean empty) {
      super.updateItem(t, empty);
      if (empty || t == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label what = new Label(describe(t).replaceAll(" · trace .*", ""));
      HBox.setHgrow(what, Priority.ALWAYS);
      what.setMaxWidth(Double.MAX_VALUE);
      Long from = t.hops().containsKey(Hop.CLIENT_SEND) ? t.hops().get(Hop.CLIENT_SEND) : t.hops().get(Hop.RECEIVED);
      Long to = t.hops().containsKey(Hop.CLIENT_RECEIVED) ? t.hops().get(Hop.CLIENT_RECEIVED) : t.hops().get(Hop.DURABLE);
      String took = from == null || to == null ? "" : WaterfallChart.format((to - from) / 1000.0);
      Label time = Controls.muted(TIME.format(Instant.ofEpochMilli(t.atMicros() / 1000)) + "  " + took);
      setGraphic(Controls.row(8, what, time));
    }
  }
}
