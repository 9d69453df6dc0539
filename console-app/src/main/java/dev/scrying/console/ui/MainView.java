package dev.scrying.console.ui;

import atlantafx.base.controls.ModalPane;
import dev.scrying.console.model.MainViewModel;
import dev.scrying.console.model.Page;
import dev.scrying.console.model.stream.ExportFormat;
import dev.scrying.console.ui.history.HistoryView;
import dev.scrying.console.ui.latency.LatencyView;
import dev.scrying.console.ui.mirror.MirrorView;
import dev.scrying.console.ui.players.PlayersView;
import dev.scrying.console.ui.scenario.ScenarioView;
import dev.scrying.console.ui.rehearse.RehearseView;
import dev.scrying.console.ui.stream.StreamView;
import dev.scrying.console.ui.world.WorldView;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The console window's content, built in code: header, sidebar, the degraded banner, the selected
 * panel, the status bar, toasts and in-window dialogs. It renders {@link MainViewModel} and forwards
 * input; create and use it on the FX thread.
 */
public final class MainView extends StackPane {
  private static final String STYLESHEET = MainView.class.getResource("console.css").toExternalForm();

  private final MainViewModel model;
  private final Map<Page, PanelView> panels = new EnumMap<>(Page.class);
  private final ModalPane modal = new ModalPane();
  private final Dialogs dialogs = new Dialogs(modal);
  private final StackPane content = new StackPane();
  private final List<Shortcut> shortcuts = new ArrayList<>();

  public MainView(MainViewModel model) {
    this.model = model;
    getStyleClass().add("main-view");
    getStylesheets().add(STYLESHEET);
    buildPanels();
    BorderPane shell = new BorderPane();
    shell.setTop(new Header(model, this::showShortcuts));
    shell.setLeft(new Sidebar(model));
    VBox centre = new VBox(new DegradedBanner(model.statusBar()), content);
    VBox.setVgrow(content, Priority.ALWAYS);
    centre.getStyleClass().add("centre");
    shell.setCenter(new StackPane(centre, new StartCover(model)));
    shell.setBottom(new StatusBar(model.statusBar()));
    Toasts toasts = new Toasts(model.notices());
    StackPane.setAlignment(toasts, Pos.BOTTOM_RIGHT);
    StackPane.setMargin(toasts, new Insets(0, 20, 48, 0));
    getChildren().addAll(shell, toasts, modal);
    model.page().observe(this::showPanel);
    model.darkTheme().observe(dark -> {
      Themes.apply(dark);
      panels.values().forEach(PanelView::themeChanged);
    });
    defineShortcuts();
    sceneProperty().addListener((obs, old, scene) -> install(scene));
  }

  private void buildPanels() {
    panels.put(Page.WORLD, new WorldView(model.world(), model.admin(), dialogs));
    panels.put(Page.STREAM, new StreamView(model.stream(), model.notices()));
    panels.put(Page.PLAYERS, new PlayersView(model.players()));
    panels.put(Page.MIRROR, new MirrorView(model.mirror()));
    panels.put(Page.LATENCY, new LatencyView(model.latency()));
    panels.put(Page.HISTORY, new HistoryView(model.history(), dialogs));
    panels.put(Page.SCENARIOS, new ScenarioView(model.scenarios(), dialogs));
    panels.put(Page.REHEARSE, new RehearseView(model.rehearse()));
  }

  private void showPanel(Page page) {
    PanelView panel = panels.get(page);
    content.getChildren().setAll(panel.root());
    panel.shown();
  }

  private void defineShortcuts() {
    for (Page p : Page.values()) {
      shortcuts.add(Shortcut.of("Shortcut+" + p.key(), "Show " + p.title(), () -> model.show(p)));
    }
    shortcuts.add(Shortcut.of("Shortcut+F", "Search or filter the current panel",
        () -> panels.get(model.page().get()).focusSearch()));
    shortcuts.add(Shortcut.of("Shortcut+P", "Pause or resume the live stream", () -> model.stream().togglePause()));
    shortcuts.add(Shortcut.of("Shortcut+L", "Clear the live stream", () -> model.stream().clear()));
    shortcuts.add(Shortcut.of("Shortcut+E", "Export the visible stream rows", () -> stream().export(ExportFormat.JSONL)));
    shortcuts.add(Shortcut.of("Shortcut+T", "Switch between light and dark", model::toggleTheme));
    shortcuts.add(Shortcut.of("F5", "Refresh the history", () -> model.history().refresh()));
    shortcuts.add(Shortcut.of("F1", "Show these shortcuts", this::showShortcuts));
  }

  private void install(Scene scene) {
    if (scene != null) {
      shortcuts.forEach(s -> scene.getAccelerators().put(s.keys(), s.action()));
    }
  }

  private void showShortcuts() {
    GridPane grid = new GridPane();
    grid.setHgap(24);
    grid.setVgap(8);
    grid.setId("shortcutSheet");
    int row = 0;
    for (Shortcut s : shortcuts) {
      Label keys = new Label(s.keys().getDisplayText());
      keys.getStyleClass().add("kbd");
      grid.addRow(row++, keys, new Label(s.description()));
    }
    grid.addRow(row, new Label("Esc") {{ getStyleClass().add("kbd"); }}, new Label("Close a dialog, clear a search field"));
    dialogs.inform("Keyboard shortcuts", grid);
  }

  public PanelView panel(Page page) {
    return panels.get(page);
  }

  /** The World panel's tree. */
  public dev.scrying.console.ui.world.WorldTreeView panelTree() {
    return ((WorldView) panels.get(Page.WORLD)).tree();
  }

  public MirrorView mirror() {
    return (MirrorView) panels.get(Page.MIRROR);
  }

  public StreamView stream() {
    return (StreamView) panels.get(Page.STREAM);
  }

  public Dialogs dialogs() {
    return dialogs;
  }

  /** Every split pane of every panel, keyed "page.name", for the saved window layout. */
  public Map<String, SplitPane> splits() {
    Map<String, SplitPane> out = new LinkedHashMap<>();
    panels.forEach((page, panel) -> panel.splits().forEach((name, split) -> out.put(page.name() + "." + name, split)));
    return out;
  }
}
