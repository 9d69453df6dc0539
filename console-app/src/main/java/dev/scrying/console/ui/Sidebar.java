package dev.scrying.console.ui;

import atlantafx.base.controls.Spacer;
import dev.scrying.console.model.MainViewModel;
import dev.scrying.console.model.Page;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The navigation down the left: one entry per panel with its icon and Ctrl shortcut, following the model's page. */
public final class Sidebar extends VBox {
  private final Map<Page, ToggleButton> entries = new EnumMap<>(Page.class);

  public Sidebar(MainViewModel model) {
    getStyleClass().add("sidebar");
    ToggleGroup group = new ToggleGroup();
    getChildren().add(Controls.caption("Panels"));
    for (Page p : Page.values()) {
      ToggleButton b = entry(p);
      b.setToggleGroup(group);
      b.setOnAction(e -> model.show(p));
      entries.put(p, b);
      getChildren().add(b);
    }
    getChildren().addAll(new Spacer(javafx.geometry.Orientation.VERTICAL), hint());
    model.page().observe(p -> entries.get(p).setSelected(true));
    // A click on the selected entry must not leave the group with nothing selected.
    group.selectedToggleProperty().addListener((obs, old, now) -> {
      if (now == null && old != null) {
        old.setSelected(true);
      }
    });
  }

  private static ToggleButton entry(Page p) {
    Label title = new Label(p.title());
    title.getStyleClass().add("nav-title");
    HBox.setHgrow(title, Priority.ALWAYS);
    title.setMaxWidth(Double.MAX_VALUE);
    Label key = new Label("Ctrl+" + p.key());
    key.getStyleClass().add("nav-key");
    HBox content = new HBox(10, new FontIcon(Icons.of(p)), title, key);
    content.setAlignment(Pos.CENTER_LEFT);
    ToggleButton b = new ToggleButton();
    b.setGraphic(content);
    b.setId("nav-" + p.name().toLowerCase(Locale.ROOT));
    b.getStyleClass().add("nav-entry");
    b.setMaxWidth(Double.MAX_VALUE);
    content.prefWidthProperty().bind(b.widthProperty().subtract(24));
    return b;
  }

  private static Label hint() {
    Label l = new Label("F1 shows every shortcut");
    l.getStyleClass().add("nav-hint");
    return l;
  }
}
