package dev.scrying.console.ui.history;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.scrying.console.model.Page;
import dev.scrying.console.model.history.HistoryViewModel;
import dev.scrying.console.model.history.ResetPlan;
import dev.scrying.console.session.HistoryEntry;
import dev.scrying.console.ui.Controls;
import dev.scrying.console.ui.Dialogs;
import dev.scrying.console.ui.PageHeader;
import dev.scrying.console.ui.PanelView;
import dev.scrying.console.ui.world.DiffTable;
import dev.scrying.console.ui.world.WorldTreeView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The History panel: the Git log; one selected commit shows the world then, two selected (Ctrl+click)
 * show their diff; "Reset to here" asks the server for a preview and needs confirmation. FX thread.
 */
public final class HistoryView extends BorderPane implements PanelView {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d, HH:mm:ss").withZone(ZoneId.systemDefault());

  private final HistoryViewModel model;
  private final Dialogs dialogs;
  private final TableView<HistoryEntry> table = new TableView<>();
  private final SplitPane split;
  private final Button reset;

  public HistoryView(HistoryViewModel model, Dialogs dialogs) {
    this.model = model;
    this.dialogs = dialogs;
    getStyleClass().add("panel");
    Button refresh = Controls.button("historyRefresh", "Refresh", Material2MZ.REFRESH);
    refresh.setOnAction(e -> model.refresh());
    reset = Controls.button("resetToHere", "Reset to here…", Material2MZ.RESTORE, Styles.DANGER);
    reset.setOnAction(e -> resetToSelected());
    Button fresh = Controls.button("resetAll", "Reset for next guests…", Material2MZ.SETTINGS_BACKUP_RESTORE, Styles.DANGER);
    fresh.setOnAction(e -> ask(model.planFreshStart(), fresh));
    setTop(new PageHeader(Page.HISTORY, refresh, fresh, reset));
    split = new SplitPane(log(), detail());
    split.setId("historySplit");
    split.setDividerPositions(0.5);
    setCenter(split);
  }

  private Node log() {
    table.setId("historyTable");
    table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.getColumns().add(column("Version", 78, e -> "v" + e.version()));
    table.getColumns().add(column("Time", 132, e -> TIME.format(Instant.ofEpochMilli(e.timeMillis()))));
    table.getColumns().add(column("Player", 90, HistoryEntry::player));
    table.getColumns().add(column("Commit", 92, HistoryEntry::shortCommit));
    table.getColumns().add(column("Command", 240, HistoryEntry::command));
    table.setPlaceholder(Controls.muted("No commits yet: the history grows as the world changes."));
    model.entries().observe(this::showEntries);
    table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<HistoryEntry>) c -> selectionChanged());
    Label hint = Controls.muted("Select a commit to see the world then; Ctrl+click a second one to compare them.");
    VBox box = new VBox(8, table, hint);
    VBox.setVgrow(table, Priority.ALWAYS);
    box.getStyleClass().add("pane-left");
    reset.setDisable(true);
    return box;
  }

  private void showEntries(List<HistoryEntry> entries) {
    List<HistoryEntry> keep = List.copyOf(table.getSelectionModel().getSelectedItems());
    table.getItems().setAll(entries);
    if (keep.isEmpty() && !entries.isEmpty()) {
      // Show the newest world until the operator picks a commit.
      table.getSelectionModel().select(0);
      return;
    }
    for (HistoryEntry e : keep) {
      int i = table.getItems().indexOf(e);
      if (i >= 0) {
        table.getSelectionModel().select(i);
      }
    }
  }

  private void selectionChanged() {
    List<HistoryEntry> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
    reset.setDisable(chosen.size() != 1);
    model.select(chosen.isEmpty() ? null : chosen.get(0));
    model.compareWith(chosen.size() >= 2 ? chosen.get(1) : null);
  }

  private Node detail() {
    WorldTreeView world = new WorldTreeView();
    world.setId("historyWorld");
    DiffTable diff = new DiffTable("historyDiff", "These two commits hold the same world.");
    StackPane body = new StackPane(world, diff);
    model.selectedWorld().observe(w -> {
      if (w != null) {
        world.show(w);
      }
    });
    model.compared().observe(c -> {
      diff.setVisible(c != null);
      world.setVisible(c == null);
    });
    model.diff().observe(diff::show);
    Label detail = Controls.bound("historyDetail", model.detail(), Styles.TEXT_MUTED);
    detail.setWrapText(true);
    VBox box = new VBox(8, detail, body);
    VBox.setVgrow(body, Priority.ALWAYS);
    box.getStyleClass().add("pane-right");
    return box;
  }

  /** Asks the server what the reset would do, shows that, and resets only on an explicit yes. */
  void resetToSelected() {
    HistoryEntry e = table.getSelectionModel().getSelectedItem();
    if (e != null) {
      ask(model.planReset(e), reset);
    }
  }

  private void ask(java.util.concurrent.CompletableFuture<ResetPlan> planned, Button trigger) {
    trigger.setDisable(true);
    // The plan completes on the FX thread; a failure has already been reported.
    planned.whenComplete((plan, error) -> {
      trigger.setDisable(trigger == reset && table.getSelectionModel().getSelectedItems().size() != 1);
      if (error == null) {
        confirm(plan);
      }
    });
  }

  private void confirm(ResetPlan plan) {
    String body = plan.preview() + "\n\nThe reset is recorded as a new version (history is never rewritten). Every"
        + " connected client is told and gets a fresh view; guests mid-action see the world jump back.";
    dialogs.confirm(plan.title(), body, plan.confirmLabel(), true).thenAccept(yes -> {
      if (yes) {
        model.confirmReset(plan);
      }
    });
  }

  public SplitPane split() {
    return split;
  }

  public TableView<HistoryEntry> table() {
    return table;
  }

  @Override
  public Node root() {
    return this;
  }

  @Override
  public java.util.Map<String, SplitPane> splits() {
    return java.util.Map.of("main", split);
  }

  @Override
  public void shown() {
    model.refresh();
  }

  private static TableColumn<HistoryEntry, String> column(String title, double width, Function<HistoryEntry, String> f) {
    TableColumn<HistoryEntry, String> c = new TableColumn<>(title);
    c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(f.apply(x.getValue())));
    c.setPrefWidth(width);
    c.setMinWidth(width);
    c.setSortable(false);
    return c;
  }
}
