package dev.scrying.console.ui;

import javafx.scene.Node;

/** One of the console's panels as the shell sees it: a node to show, and what Ctrl+F means there. FX thread. */
public interface PanelView {

  Node root();

  /** Moves the keyboard focus to the panel's search or filter field, if it has one. */
  default void focusSearch() {}

  /** Called each time the panel is shown, e.g. to refresh what only matters while visible. */
  default void shown() {}

  /** Called after the theme changed, for panels that paint on a Canvas. */
  default void themeChanged() {}

  /** The panel's split panes by name, so the window layout can save and restore their dividers. */
  default java.util.Map<String, javafx.scene.control.SplitPane> splits() {
    return java.util.Map.of();
  }
}
