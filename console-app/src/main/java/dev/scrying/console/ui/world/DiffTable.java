package dev.scrying.console.ui.world;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.scrying.console.model.world.PathChange;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Before/after differences as a table: what changed, where, and the old and new values. FX thread. */
public final class DiffTable extends TableView<PathChange> {
  private static final PseudoClass ADDED = PseudoClass.getPseudoClass("added");
  private static final PseudoClass REMOVED = PseudoClass.getPseudoClass("removed");

  public DiffTable(String id, String emptyText) {
    setId(id);
    getStyleClass().addAll("diff-table", Styles.DENSE, Tweaks.EDGE_TO_EDGE);
    setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    getColumns().add(kindColumn());
    getColumns().add(column("Path", 0.40, PathChange::path));
    getColumns().add(column("Before", 0.25, PathChange::before));
    getColumns().add(column("After", 0.25, PathChange::after));
    Label placeholder = new Label(emptyText);
    placeholder.getStyleClass().add(Styles.TEXT_MUTED);
    setPlaceholder(placeholder);
  }

  public void show(List<PathChange> changes) {
    getItems().setAll(changes);
  }

  private TableColumn<PathChange, String> kindColumn() {
    TableColumn<PathChange, String> c = column("", 0.10, p -> p.kind().label());
    c.setCellFactory(col -> new TableCell<>() {
      @Override
      protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        setText(empty ? null : text);
        PathChange row = empty || getTableRow() == null ? null : getTableRow().getItem();
        pseudoClassStateChanged(ADDED, row != null && row.kind() == PathChange.Kind.ADDED);
        pseudoClassStateChanged(REMOVED, row != null && row.kind() == PathChange.Kind.REMOVED);
      }
    });
    c.getStyleClass().add("diff-kind");
    return c;
  }

  private TableColumn<PathChange, String> column(String title, double share, Function<PathChange, String> value) {
    TableColumn<PathChange, String> c = new TableColumn<>(title);
    c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
    c.prefWidthProperty().bind(widthProperty().multiply(share));
    return c;
  }
}
