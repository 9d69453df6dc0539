package dev.scrying.console.ui.world;

import atlantafx.base.theme.Styles;
import dev.scrying.console.model.Page;
import dev.scrying.console.model.world.WorldViewModel;
import dev.scrying.console.ui.Controls;
import dev.scrying.console.ui.PageHeader;
import dev.scrying.console.ui.PanelView;
import dev.scrying.console.ui.SearchField;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The World panel: the live world tree with search and change flashes on the left; on the right the
 * selected node as JSON and the recent changes with their before/after diff. FX thread.
 */
public final class WorldView extends BorderPane implements PanelView {
  private final WorldViewModel model;
  private final WorldTreeView tree = new WorldTreeView();
  private final SearchField search;
  private final SplitPane split;

  public WorldView(WorldViewModel model, dev.scrying.console.model.admin.AdminCommands admin,
      dev.scrying.console.ui.Dialogs dialogs) {
    this.model = model;
    getStyleClass().add("panel");
    tree.setId("worldTree");
    search = new SearchField("worldSearch", "Search the world (Ctrl+F)", model::setSearch);
    Label version = Controls.muted("");
    version.setId("worldTreeVersion");
    model.version().observe(v -> version.setText(v < 0 ? "reading the world…" : "live · v" + v));
    setTop(new PageHeader(Page.WORLD, version, new AdminBox(admin, dialogs)));
    split = new SplitPane(treeSide(), detailSide());
    split.setId("worldSplit");
    split.setDividerPositions(0.46);
    setCenter(split);
    model.root().observe(r -> {
      if (r != null) {
        tree.show(r);
      }
    });
    model.matches().observe(m -> tree.filter(model.search().get(), m));
    model.flash().subscribe(tree::flash);
    tree.onSelect(model::inspect);
  }

  private Node treeSide() {
    Label matches = Controls.bound("worldMatches", model.matchSummary(), Styles.TEXT_MUTED);
    VBox box = new VBox(8, Controls.row(8, search, matches), tree);
    javafx.scene.layout.HBox.setHgrow(search, Priority.ALWAYS);
    search.setMaxWidth(Double.MAX_VALUE);
    VBox.setVgrow(tree, Priority.ALWAYS);
    box.getStyleClass().add("pane-left");
    return box;
  }

  private Node detailSide() {
    Tab inspect = new Tab("Inspect", new JsonPane("worldJson", model.inspectedPointer(), model.inspectedJson()));
    Tab changes = new Tab("Changes", new ChangesPane(model));
    inspect.setId("inspectTab");
    changes.setId("changesTab");
    TabPane tabs = new TabPane(inspect, changes);
    tabs.setId("worldTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    VBox box = new VBox(tabs);
    VBox.setVgrow(tabs, Priority.ALWAYS);
    box.getStyleClass().add("pane-right");
    return box;
  }

  public WorldTreeView tree() {
    return tree;
  }

  /** The split between tree and details, for the saved window layout. */
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
    search.requestFocus();
    search.selectAll();
  }
}
