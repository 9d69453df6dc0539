package dev.scrying.console.ui.stream;

import atlantafx.base.theme.Styles;
import dev.scrying.console.model.Notices;
import dev.scrying.console.model.Page;
import dev.scrying.console.model.stream.ExportFormat;
import dev.scrying.console.model.stream.StreamViewModel;
import dev.scrying.console.ui.Controls;
import dev.scrying.console.ui.PageHeader;
import dev.scrying.console.ui.PanelView;
import dev.scrying.console.ui.world.JsonPane;
import java.io.File;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Live stream panel: filters, the virtualised event table with pause, clear and export, and the
 * selected event's raw JSON. FX thread.
 */
public final class StreamView extends BorderPane implements PanelView {
  private final StreamViewModel model;
  private final Notices notices;
  private final StreamTable table = new StreamTable();
  private final StreamFilterBar filters;
  private final SplitPane split;

  public StreamView(StreamViewModel model, Notices notices) {
    this.model = model;
    this.notices = notices;
    getStyleClass().add("panel");
    filters = new StreamFilterBar(model);
    setTop(new PageHeader(Page.STREAM, followButton(), pauseButton(), clearButton(), exportButton()));
    Label counts = Controls.bound("streamCounts", model.counts(), Styles.TEXT_MUTED, "counts");
    VBox left = new VBox(8, filters, table, counts);
    VBox.setVgrow(table, Priority.ALWAYS);
    left.getStyleClass().add("pane-left");
    dev.scrying.console.model.Value<String> caption = new dev.scrying.console.model.Value<>("");
    model.selected().observe(e -> caption.set(e == null ? "" : e.source().label() + " · " + e.type()
        + (e.player().isEmpty() ? "" : " · " + e.player())));
    JsonPane json = new JsonPane("streamJson", caption, model.selectedJson(), "Select an event to see its frame");
    json.getStyleClass().add("pane-right");
    split = new SplitPane(left, json);
    split.setId("streamSplit");
    split.setDividerPositions(0.7);
    setCenter(split);
    model.rows().subscribe(table::apply);
    table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.select(now));
  }

  private ToggleButton followButton() {
    ToggleButton b = new ToggleButton("Follow", new FontIcon(Material2AL.ARROW_DOWNWARD));
    b.setId("streamFollow");
    b.setSelected(true);
    b.setTooltip(new Tooltip("Keep the newest event in view"));
    b.selectedProperty().addListener((obs, old, on) -> table.setFollow(on));
    return b;
  }

  private ToggleButton pauseButton() {
    ToggleButton b = new ToggleButton();
    b.setId("streamPause");
    b.setTooltip(new Tooltip("Pause or resume the table; events keep being collected (Ctrl+P)"));
    b.setOnAction(e -> model.setPaused(b.isSelected()));
    model.paused().observe(p -> {
      b.setSelected(p);
      b.setText(p ? "Resume" : "Pause");
      b.setGraphic(new FontIcon(p ? Material2MZ.PLAY_ARROW : Material2MZ.PAUSE));
    });
    return b;
  }

  private Button clearButton() {
    Button b = Controls.button("streamClear", "Clear", Material2AL.DELETE_SWEEP);
    b.setTooltip(new Tooltip("Forget every event collected so far"));
    b.setOnAction(e -> model.clear());
    return b;
  }

  private MenuButton exportButton() {
    MenuButton b = new MenuButton("Export", new FontIcon(Material2AL.GET_APP));
    b.setId("streamExport");
    MenuItem jsonl = new MenuItem("Visible rows as JSON Lines…");
    jsonl.setOnAction(e -> export(ExportFormat.JSONL));
    MenuItem csv = new MenuItem("Visible rows as CSV…");
    csv.setOnAction(e -> export(ExportFormat.CSV));
    b.getItems().addAll(jsonl, csv);
    return b;
  }

  /** Asks where to save, then writes the visible rows in the background. */
  public void export(ExportFormat format) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export the visible stream rows");
    chooser.setInitialFileName("scrying-stream." + format.extension());
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
    File file = chooser.showSaveDialog(getScene().getWindow());
    if (file != null) {
      exportTo(file.toPath(), format);
    }
  }

  void exportTo(Path file, ExportFormat format) {
    model.export(file, format).whenComplete((n, error) -> {
      if (error != null) {
        notices.failure("Could not export the stream to " + file, error);
      } else {
        notices.info("Exported " + n + " rows to " + file);
      }
    });
  }

  public StreamTable table() {
    return table;
  }

  public SplitPane split() {
    return split;
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
  public void focusSearch() {
    filters.search().requestFocus();
    filters.search().selectAll();
  }
}
