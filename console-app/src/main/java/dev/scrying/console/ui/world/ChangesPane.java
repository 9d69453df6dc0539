package dev.scrying.console.ui.world;

import atlantafx.base.theme.Styles;
import dev.scrying.console.model.world.WorldChange;
import dev.scrying.console.model.world.WorldViewModel;
import dev.scrying.console.ui.Controls;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The world's recent changes, newest first, and the before/after diff of the one selected. FX thread. */
final class ChangesPane extends SplitPane {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  ChangesPane(WorldViewModel model) {
    setOrientation(Orientation.VERTICAL);
    ListView<WorldChange> list = new ListView<>();
    list.setId("worldChanges");
    list.getStyleClass().addAll(Styles.DENSE, "changes-list");
    list.setCellFactory(l -> new ChangeCell());
    Label empty = Controls.muted("Changes appear here as players act.");
    list.setPlaceholder(empty);
    model.changes().observe(c -> {
      WorldChange keep = list.getSelectionModel().getSelectedItem();
      list.getItems().setAll(c);
      if (keep != null) {
        list.getSelectionModel().select(keep);
      }
    });
    list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectChange(now));

    DiffTable diff = new DiffTable("worldDiff", "Select a change to see what it did.");
    Label title = Controls.caption("Before / after");
    Label which = new Label();
    which.getStyleClass().add(Styles.TEXT_MUTED);
    model.selectedChange().observe(c -> {
      diff.show(c == null ? java.util.List.of() : c.changes());
      which.setText(c == null ? "" : c.versions() + " · " + c.cause());
    });
    VBox bottom = new VBox(6, Controls.row(8, title, which), diff);
    VBox.setVgrow(diff, Priority.ALWAYS);
    getItems().addAll(list, bottom);
    setDividerPositions(0.38);
  }

  private static final class ChangeCell extends ListCell<WorldChange> {
    @Override
    protected void updateItem(WorldChange c, boolean empty) {
      super.updateItem(c, empty);
      if (empty || c == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label versions = new Label(c.versions());
      versions.getStyleClass().add("change-versions");
      Label cause = new Label(c.cause());
      HBox.setHgrow(cause, Priority.ALWAYS);
      cause.setMaxWidth(Double.MAX_VALUE);
      Label count = Controls.muted(c.changes().size() + (c.changes().size() == 1 ? " change" : " changes") + " · "
          + TIME.format(Instant.ofEpochMilli(c.atMillis())));
      setGraphic(Controls.row(10, versions, cause, count));
    }
  }
}
