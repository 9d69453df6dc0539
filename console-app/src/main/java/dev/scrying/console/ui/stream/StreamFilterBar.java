package dev.scrying.console.ui.stream;

import dev.scrying.console.model.stream.Source;
import dev.scrying.console.model.stream.StreamViewModel;
import dev.scrying.console.ui.Controls;
import dev.scrying.console.ui.SearchField;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** Filters for the stream: free text, sources, one player, one type. Every change goes straight to the model. */
final class StreamFilterBar extends HBox {
  static final String ANY_PLAYER = "All players";
  static final String ANY_TYPE = "All types";

  private final StreamViewModel model;
  private final SearchField search;
  private final MenuButton sources = new MenuButton("All sources", new FontIcon(Material2AL.FILTER_LIST));
  private final ComboBox<String> player = new ComboBox<>();
  private final ComboBox<String> type = new ComboBox<>();

  StreamFilterBar(StreamViewModel model) {
    this.model = model;
    search = new SearchField("streamSearch", "Search summaries and frames (Ctrl+F)",
        t -> model.setFilter(model.filter().get().withText(t)));
    sources.setId("sourceFilter");
    for (Source s : Source.values()) {
      CheckMenuItem item = new CheckMenuItem(s.label());
      item.setId("source-" + s.name().toLowerCase(Locale.ROOT));
      item.setOnAction(e -> toggle(s, item.isSelected()));
      sources.getItems().add(item);
    }
    player.setId("playerFilter");
    type.setId("typeFilter");
    choices(player, ANY_PLAYER, model.players().get());
    choices(type, ANY_TYPE, model.types().get());
    model.players().observe(p -> choices(player, ANY_PLAYER, p));
    model.types().observe(t -> choices(type, ANY_TYPE, t));
    player.setOnAction(e -> model.setFilter(model.filter().get().withPlayer(any(player.getValue(), ANY_PLAYER))));
    type.setOnAction(e -> model.setFilter(model.filter().get().withType(any(type.getValue(), ANY_TYPE))));
    HBox.setHgrow(search, Priority.ALWAYS);
    search.setMaxWidth(Double.MAX_VALUE);
    setSpacing(8);
    getChildren().addAll(search, sources, player, type);
    getStyleClass().add("filter-bar");
  }

  SearchField search() {
    return search;
  }

  private void toggle(Source s, boolean on) {
    Set<Source> chosen = EnumSet.noneOf(Source.class);
    chosen.addAll(model.filter().get().sources());
    if (on) {
      chosen.add(s);
    } else {
      chosen.remove(s);
    }
    sources.setText(chosen.isEmpty() ? "All sources" : chosen.size() == 1 ? chosen.iterator().next().label()
        : chosen.size() + " sources");
    model.setFilter(model.filter().get().withSources(chosen));
  }

  private static void choices(ComboBox<String> box, String any, List<String> values) {
    String keep = box.getValue();
    List<String> all = new java.util.ArrayList<>();
    all.add(any);
    all.addAll(values);
    if (!all.equals(box.getItems())) {
      box.getItems().setAll(all);
    }
    box.setValue(keep == null || !all.contains(keep) ? any : keep);
  }

  private static String any(String value, String anyLabel) {
    return value == null || value.equals(anyLabel) ? "" : value;
  }
}
