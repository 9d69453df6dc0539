package dev.scrying.console.ui.world;

import atlantafx.base.theme.Styles;
import dev.scrying.console.model.world.WorldNode;
import dev.scrying.console.ui.Icons;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A tree of {@link WorldNode}s that keeps the operator's expanded branches and selection across
 * refreshes, shows only matching branches while searching, and flashes the nodes a change touched
 * for a moment. FX thread only.
 */
public final class WorldTreeView extends TreeView<WorldNode> {
  public static final PseudoClass FLASH = PseudoClass.getPseudoClass("flash");
  public static final PseudoClass MATCH = PseudoClass.getPseudoClass("match");
  static final Duration FLASH_FOR = Duration.millis(1600);
  private static final java.util.Map<WorldNode.Kind, PseudoClass> KINDS = new java.util.EnumMap<>(WorldNode.Kind.class);

  static {
    for (WorldNode.Kind k : WorldNode.Kind.values()) {
      KINDS.put(k, PseudoClass.getPseudoClass("kind-" + k.name().toLowerCase(java.util.Locale.ROOT)));
    }
  }

  private final Map<String, Long> flashingUntil = new HashMap<>();
  private Set<String> matches = Set.of();
  private String search = "";
  private WorldNode current;
  private boolean firstBuild = true;

  public WorldTreeView() {
    getStyleClass().addAll("world-tree", Styles.DENSE);
    setShowRoot(false);
    setCellFactory(t -> new Cell());
  }

  /** Calls {@code onSelect} with the pointer of each node the operator selects. */
  public void onSelect(Consumer<String> onSelect) {
    getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
      if (item != null) {
        onSelect.accept(item.getValue().pointer());
      }
    });
  }

  public void show(WorldNode root) {
    current = root;
    rebuild();
  }

  /** Shows only {@code matchingPointers} (matches and their ancestors) while {@code text} is not blank. */
  public void filter(String text, Set<String> matchingPointers) {
    search = text.strip().toLowerCase(java.util.Locale.ROOT);
    matches = matchingPointers;
    rebuild();
  }

  /** Highlights the nodes at {@code pointers} for a moment. */
  public void flash(Set<String> pointers) {
    long until = System.nanoTime() + (long) FLASH_FOR.toMillis() * 1_000_000L;
    pointers.forEach(p -> flashingUntil.put(p, until));
    refresh();
    PauseTransition fade = new PauseTransition(FLASH_FOR.add(Duration.millis(50)));
    fade.setOnFinished(e -> {
      long now = System.nanoTime();
      flashingUntil.values().removeIf(t -> t <= now);
      refresh();
    });
    fade.play();
  }

  /** True while the node at {@code pointer} is flashing. */
  public boolean isFlashing(String pointer) {
    Long until = flashingUntil.get(pointer);
    return until != null && until > System.nanoTime();
  }

  private void rebuild() {
    if (current == null) {
      setRoot(null);
      return;
    }
    Set<String> expanded = firstBuild ? null : expandedPointers();
    String selected = getSelectionModel().getSelectedItem() == null ? null
        : getSelectionModel().getSelectedItem().getValue().pointer();
    boolean searching = !search.isEmpty();
    TreeItem<WorldNode> root = item(current, expanded, searching);
    setRoot(root);
    root.setExpanded(true);
    firstBuild = false;
    if (selected != null) {
      select(root, selected);
    }
  }

  private TreeItem<WorldNode> item(WorldNode n, Set<String> expanded, boolean searching) {
    TreeItem<WorldNode> item = new TreeItem<>(n);
    for (WorldNode c : n.children()) {
      if (!searching || matches.contains(c.pointer())) {
        item.getChildren().add(item(c, expanded, searching));
      }
    }
    boolean open = searching || (expanded == null ? expandedByDefault(n) : expanded.contains(n.pointer()));
    item.setExpanded(open && !item.getChildren().isEmpty());
    return item;
  }

  private static boolean expandedByDefault(WorldNode n) {
    return switch (n.kind()) {
      case ROOT, SECTION, ZONE, AREA, SPOT -> true;
      default -> false;
    };
  }

  private Set<String> expandedPointers() {
    Set<String> out = new HashSet<>();
    if (getRoot() != null) {
      collectExpanded(getRoot(), out);
    }
    return out;
  }

  private static void collectExpanded(TreeItem<WorldNode> item, Set<String> out) {
    if (item.isExpanded()) {
      out.add(item.getValue().pointer());
    }
    item.getChildren().forEach(c -> collectExpanded(c, out));
  }

  private boolean select(TreeItem<WorldNode> item, String pointer) {
    if (item.getValue().pointer().equals(pointer)) {
      getSelectionModel().select(item);
      return true;
    }
    for (TreeItem<WorldNode> c : item.getChildren()) {
      if (select(c, pointer)) {
        return true;
      }
    }
    return false;
  }

  private boolean directMatch(WorldNode n) {
    return !search.isEmpty() && (n.label().toLowerCase(java.util.Locale.ROOT).contains(search)
        || n.value().toLowerCase(java.util.Locale.ROOT).contains(search));
  }

  private final class Cell extends TreeCell<WorldNode> {
    private final Label label = new Label();
    private final Label value = new Label();
    private final FontIcon icon = new FontIcon();
    private final HBox box = new HBox(8, icon, label, value);

    Cell() {
      getStyleClass().add("world-cell");
      value.getStyleClass().add("node-value");
      icon.getStyleClass().add("node-icon");
      box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(WorldNode n, boolean empty) {
      super.updateItem(n, empty);
      if (empty || n == null) {
        setGraphic(null);
        setText(null);
        pseudoClassStateChanged(FLASH, false);
        pseudoClassStateChanged(MATCH, false);
        return;
      }
      icon.setIconCode(Icons.of(n.kind()));
      label.setText(n.label());
      value.setText(n.value());
      setText(null);
      setGraphic(box);
      pseudoClassStateChanged(FLASH, isFlashing(n.pointer()));
      pseudoClassStateChanged(MATCH, directMatch(n));
      for (WorldNode.Kind k : WorldNode.Kind.values()) {
        pseudoClassStateChanged(KINDS.get(k), k == n.kind());
      }
    }
  }
}
