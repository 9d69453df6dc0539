package dev.scrying.console.ui.rehearse;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.scrying.console.model.Page;
import dev.scrying.console.model.rehearse.RehearseViewModel;
import dev.scrying.console.model.rehearse.TimelineEntry;
import dev.scrying.console.ui.Controls;
import dev.scrying.console.ui.PageHeader;
import dev.scrying.console.ui.PanelView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Rehearse failure panel: an Armed switch, then cards to stop/start NATS, slow the narrator and
 * cut a player's connection, beside a timeline of what the system did in answer. FX thread.
 */
public final class RehearseView extends BorderPane implements PanelView {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.S").withZone(ZoneId.systemDefault());
  private static final double[] SLOWDOWNS = {1, 4, 10};

  private final RehearseViewModel model;

  public RehearseView(RehearseViewModel model) {
    this.model = model;
    getStyleClass().add("panel");
    ToggleSwitch armed = new ToggleSwitch("Armed");
    armed.setId("rehearseArmed");
    armed.selectedProperty().addListener((obs, old, on) -> {
      if (on != model.armed().get()) {
        model.setArmed(on);
      }
    });
    model.armed().observe(armed::setSelected);
    setTop(new PageHeader(Page.REHEARSE, armed));
    VBox cards = new VBox(14, natsCard(), narratorCard(), cutCard());
    cards.getStyleClass().add("pane-left");
    cards.setMinWidth(420);
    cards.setMaxWidth(460);
    Node timeline = timeline();
    HBox.setHgrow(timeline, Priority.ALWAYS);
    HBox body = new HBox(cards, timeline);
    setCenter(body);
  }

  private Node natsCard() {
    Label state = Controls.bound("rehearseNatsState", model.natsState(), "card-value");
    Button stop = Controls.button("stopNats", "Stop NATS", Material2MZ.STOP, Styles.DANGER);
    Button start = Controls.button("startNats", "Start NATS", Material2MZ.PLAY_ARROW, Styles.SUCCESS);
    stop.setOnAction(e -> model.stopNats());
    start.setOnAction(e -> model.startNats());
    Runnable enable = () -> {
      boolean can = model.armed().get() && model.natsManaged().get() && !model.busy().get();
      stop.setDisable(!can || !model.natsConnected().get());
      start.setDisable(!can || model.natsConnected().get());
    };
    model.armed().observe(a -> enable.run());
    model.natsManaged().observe(a -> enable.run());
    model.natsConnected().observe(a -> enable.run());
    model.busy().observe(a -> enable.run());
    return card("NATS", Material2AL.DEVICE_HUB, "Stop the server's own nats-server: world updates fall back to in-process"
        + " delivery and the status bar turns amber; start it and watch clients re-converge.",
        state, Controls.row(8, stop, start));
  }

  private Node narratorCard() {
    ToggleGroup group = new ToggleGroup();
    HBox pills = new HBox();
    for (int i = 0; i < SLOWDOWNS.length; i++) {
      double f = SLOWDOWNS[i];
      ToggleButton b = new ToggleButton(f == 1 ? "Normal" : String.format(Locale.ROOT, "×%.0f slower", f));
      b.setId("narrator-x" + (int) f);
      b.setToggleGroup(group);
      b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == SLOWDOWNS.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
      b.setOnAction(e -> {
        if (b.isSelected()) {
          model.slowNarrator(f);
        } else {
          b.setSelected(true);
        }
      });
      model.narratorSlowdown().observe(now -> b.setSelected(now == f));
      model.armed().observe(a -> b.setDisable(!a));
      pills.getChildren().add(b);
    }
    return card("Narrator", Material2AL.CHAT, "Slow the offline narrator so the story takes longer. The bottle must"
        + " still vanish at once: deltas never wait for the narrative.", pills);
  }

  private Node cutCard() {
    ComboBox<String> player = new ComboBox<>();
    player.setId("cutPlayer");
    player.setPromptText("Choose a player");
    player.setPrefWidth(200);
    model.players().observe(p -> {
      String keep = player.getValue();
      player.getItems().setAll(p);
      if (keep != null && p.contains(keep)) {
        player.setValue(keep);
      }
    });
    Button cut = Controls.button("cutConnection", "Cut connection", Material2AL.LINK_OFF, Styles.DANGER);
    cut.setOnAction(e -> model.cut(player.getValue()));
    Runnable enable = () -> cut.setDisable(!model.armed().get() || player.getValue() == null);
    model.armed().observe(a -> enable.run());
    player.valueProperty().addListener(o -> enable.run());
    return card("Cut a connection", Material2AL.LINK_OFF, "Drop every live connection of one player, as a guest"
        + " walking out of Wi-Fi would. Their client reconnects and catches up from its last version.",
        Controls.row(8, player, cut));
  }

  private static Node card(String title, org.kordamp.ikonli.Ikon icon, String text, Node... body) {
    Label heading = new Label(title, new FontIcon(icon));
    heading.getStyleClass().add(Styles.TITLE_4);
    Label explain = new Label(text);
    explain.setWrapText(true);
    explain.getStyleClass().add(Styles.TEXT_MUTED);
    VBox card = new VBox(10, heading, explain);
    card.getChildren().addAll(body);
    card.getStyleClass().add("card");
    return card;
  }

  private Node timeline() {
    ListView<TimelineEntry> list = new ListView<>();
    list.setId("rehearseTimeline");
    list.getStyleClass().add("timeline");
    list.setPlaceholder(Controls.muted("Arm the panel, then try a failure: what happens shows up here."));
    list.setCellFactory(l -> new EntryCell());
    model.timeline().observe(list.getItems()::setAll);
    VBox box = new VBox(8, Controls.caption("What happened"), list);
    VBox.setVgrow(list, Priority.ALWAYS);
    box.getStyleClass().add("pane-right");
    return box;
  }

  @Override
  public Node root() {
    return this;
  }

  private static final class EntryCell extends ListCell<TimelineEntry> {
    @Override
    protected void updateItem(TimelineEntry e, boolean empty) {
      super.updateItem(e, empty);
      if (empty || e == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      FontIcon dot = new FontIcon(Material2AL.FIBER_MANUAL_RECORD);
      dot.getStyleClass().add("timeline-dot");
      Controls.tone(dot, e.tone());
      Label time = Controls.muted(TIME.format(Instant.ofEpochMilli(e.atMillis())));
      time.getStyleClass().add("timeline-time");
      Label text = new Label(e.text());
      text.setWrapText(true);
      HBox.setHgrow(text, Priority.ALWAYS);
      text.setMaxWidth(Double.MAX_VALUE);
      text.prefWidthProperty().bind(widthProperty().subtract(150));
      setGraphic(Controls.row(10, dot, time, text));
    }
  }
}
