package dev.scrying.console.ui.scenario;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.scrying.console.model.Tone;
import dev.scrying.console.model.scenario.StepRow;
import dev.scrying.console.ui.Controls;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The loaded scenario's steps with their verdicts as the run goes. FX thread. */
final class StepTable extends TableView<StepRow> {

  StepTable() {
    setId("scenarioSteps");
    getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
    setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    getColumns().add(statusColumn());
    getColumns().add(column("#", 40, r -> Integer.toString(r.index() + 1)));
    getColumns().add(column("Step", 320, StepRow::title));
    getColumns().add(column("Kind", 80, StepRow::kind));
    getColumns().add(column("Player", 80, r -> r.player() == null ? "" : r.player()));
    getColumns().add(column("Time", 80, r -> r.status() == StepRow.Status.PENDING || r.status() == StepRow.Status.SKIPPED
        ? "" : String.format(Locale.ROOT, "%.0f ms", r.durationMs())));
    getColumns().add(column("Checks", 80, r -> r.passed() + r.failed() == 0 ? "" : r.passed() + " ✓  " + r.failed() + " ✗"));
    setPlaceholder(Controls.muted("Pick a scenario on the left."));
  }

  private static TableColumn<StepRow, String> column(String title, double width, Function<StepRow, String> f) {
    TableColumn<StepRow, String> c = new TableColumn<>(title);
    c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(f.apply(x.getValue())));
    c.setPrefWidth(width);
    c.setSortable(false);
    return c;
  }

  private static TableColumn<StepRow, StepRow.Status> statusColumn() {
    TableColumn<StepRow, StepRow.Status> c = new TableColumn<>("");
    c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue().status()));
    c.setPrefWidth(36);
    c.setMaxWidth(36);
    c.setSortable(false);
    c.setCellFactory(col -> new TableCell<>() {
      @Override
      protected void updateItem(StepRow.Status s, boolean empty) {
        super.updateItem(s, empty);
        if (empty || s == null) {
          setGraphic(null);
          return;
        }
        FontIcon icon = new FontIcon(switch (s) {
          case PENDING -> Material2MZ.RADIO_BUTTON_UNCHECKED;
          case RUNNING -> Material2MZ.PLAY_CIRCLE_FILLED;
          case PASSED -> Material2AL.CHECK_CIRCLE;
          case FAILED -> Material2AL.CANCEL;
          case SKIPPED -> Material2MZ.REMOVE_CIRCLE_OUTLINE;
        });
        icon.getStyleClass().add("step-icon");
        Controls.tone(icon, switch (s) {
          case PASSED -> Tone.GOOD;
          case FAILED -> Tone.DANGER;
          case RUNNING -> Tone.WARNING;
          default -> Tone.NEUTRAL;
        });
        setGraphic(icon);
      }
    });
    return c;
  }
}
