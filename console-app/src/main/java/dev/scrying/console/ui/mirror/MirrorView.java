package dev.scrying.console.ui.mirror;

import atlantafx.base.theme.Styles;
import dev.scrying.console.model.Page;
import dev.scrying.console.model.mirror.MirrorViewModel;
import dev.scrying.console.ui.Controls;
import dev.scrying.console.ui.PageHeader;
import dev.scrying.console.ui.PanelView;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The Scrying mirror panel: the zone drawn from the watched player's client mirror, with the latest
 * delta and the narrative beside it as it streams in. FX thread.
 */
public final class MirrorView extends BorderPane implements PanelView {
  private final MirrorCanvas canvas = new MirrorCanvas();

  public MirrorView(MirrorViewModel model) {
    getStyleClass().add("panel");
    ComboBox<String> who = new ComboBox<>();
    who.setId("mirrorPlayer");
    who.setPromptText("Player");
    model.choices().observe(c -> {
      who.getItems().setAll(c);
      // Replacing the items clears the value; put the watched player back.
      String w = model.watched().get();
      who.setValue(w.isEmpty() ? null : w);
    });
    model.watched().observe(w -> who.setValue(w.isEmpty() ? null : w));
    who.setOnAction(e -> {
      if (who.getValue() != null && !who.getValue().equals(model.watched().get())) {
        model.watch(who.getValue());
      }
    });
    Label zone = new Label();
    zone.setId("mirrorZone");
    zone.getStyleClass().add(Styles.TEXT_MUTED);
    model.scene().observe(s -> zone.setText(s.zoneName().isEmpty() ? "" : s.zoneName() + " · mirror v" + s.version()));
    setTop(new PageHeader(Page.MIRROR, zone, Controls.muted("Watching"), who));
    model.scene().observe(canvas::show);
    model.vanished().subscribe(canvas::vanish);
    HBox.setHgrow(canvas, Priority.ALWAYS);
    HBox body = new HBox(canvas, side(model));
    body.getStyleClass().add("mirror-body");
    setCenter(body);
  }

  private Node side(MirrorViewModel model) {
    Label delta = new Label();
    delta.setId("mirrorDelta");
    delta.getStyleClass().add("delta-text");
    delta.setWrapText(true);
    model.lastDelta().observe(d -> delta.setText(d.isEmpty() ? "Waiting for the first change this player sees…" : d));
    VBox earlier = new VBox(6);
    model.deltas().observe(all -> {
      earlier.getChildren().clear();
      all.stream().skip(1).forEach(d -> {
        Label l = Controls.muted(d);
        l.setWrapText(true);
        earlier.getChildren().add(l);
      });
    });
    Label status = Controls.bound("narrativeStatus", model.narrativeStatus(), Styles.TEXT_MUTED);
    status.setWrapText(true);
    Label story = Controls.bound("mirrorNarrative", model.narrative(), "narrative");
    story.setWrapText(true);
    VBox deltaCard = card("Deltas", Material2AL.FLASH_ON, delta, earlier);
    VBox storyCard = card("Narrative", org.kordamp.ikonli.material2.Material2MZ.MENU_BOOK, status, story);
    VBox.setVgrow(storyCard, Priority.ALWAYS);
    VBox side = new VBox(14, deltaCard, storyCard);
    side.getStyleClass().add("mirror-side");
    side.setPrefWidth(340);
    side.setMinWidth(300);
    ScrollPane scroll = new ScrollPane(side);
    scroll.setFitToWidth(true);
    scroll.setFitToHeight(true);
    scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
    scroll.setMinWidth(320);
    return scroll;
  }

  private static VBox card(String title, org.kordamp.ikonli.Ikon icon, Node... body) {
    Label heading = new Label(title, new FontIcon(icon));
    heading.getStyleClass().add(Styles.TITLE_4);
    VBox card = new VBox(10, heading);
    card.getChildren().addAll(body);
    card.getStyleClass().add("card");
    return card;
  }

  public MirrorCanvas canvas() {
    return canvas;
  }

  @Override
  public Node root() {
    return this;
  }

  @Override
  public void themeChanged() {
    canvas.themeChanged();
  }
}
