package dev.scrying.console.ui.latency;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.scrying.console.model.Tone;
import dev.scrying.console.model.latency.MetricStats;
import dev.scrying.console.ui.Controls;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Live p50/p90/p99/max per metric against its budget; a row over budget at p99 is marked. FX thread. */
final class PercentileTable extends TableView<MetricStats> {

  PercentileTable() {
    setId("percentiles");
    getStyleClass().addAll("percentile-table", Styles.DENSE, Tweaks.EDGE_TO_EDGE);
    setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    getColumns().add(column("Metric", 200, s -> s.metric().label()));
    getColumns().add(column("Samples", 70, s -> Long.toString(s.count())));
    getColumns().add(ms("p50", MetricStats::p50));
    getColumns().add(ms("p90", MetricStats::p90));
    getColumns().add(ms("p99", MetricStats::p99));
    getColumns().add(ms("max", MetricStats::max));
    getColumns().add(column("Budget (p99)", 96, s -> WaterfallChart.format(s.metric().budgetMs())));
    getColumns().add(verdict());
    setFixedCellSize(30);
    setPrefHeight(30 * 7 + 36);
  }

  private static TableColumn<MetricStats, String> ms(String title, Function<MetricStats, Double> value) {
    return column(title, 76, s -> s.count() == 0 ? "—" : WaterfallChart.format(value.apply(s)));
  }

  private static TableColumn<MetricStats, String> column(String title, double width, Function<MetricStats, String> value) {
    TableColumn<MetricStats, String> c = new TableColumn<>(title);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
    c.setPrefWidth(width);
    c.setSortable(false);
    return c;
  }

  private static TableColumn<MetricStats, MetricStats> verdict() {
    TableColumn<MetricStats, MetricStats> c = new TableColumn<>("");
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
    c.setSortable(false);
    c.setCellFactory(col -> new TableCell<>() {
      @Override
      protected void updateItem(MetricStats s, boolean empty) {
        super.updateItem(s, empty);
        if (empty || s == null || s.count() == 0) {
          setText(null);
          Controls.tone(this, Tone.NEUTRAL);
          return;
        }
        setText(s.overBudget() ? "over budget" : "within budget");
        Controls.tone(this, s.overBudget() ? Tone.DANGER : Tone.GOOD);
      }
    });
    return c;
  }
}
