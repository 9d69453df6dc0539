package dev.scrying.console.ui.players;

import atlantafx.base.theme.Styles;
import dev.scrying.console.model.Tone;
import dev.scrying.console.model.players.MirrorCheck;
import dev.scrying.console.model.players.PlayerCard;
import dev.scrying.console.model.players.PlayersViewModel;
import dev.scrying.console.ui.Controls;
import dev.scrying.scenarios.client.ConnectionState;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The simulated players as cards: who, whether connected, where, what they hold, and whether the mirror agrees. */
final class PlayerList extends ListView<PlayerCard> {

  PlayerList(PlayersViewModel model) {
    setId("playerList");
    getStyleClass().addAll("player-list", Styles.DENSE);
    setPlaceholder(Controls.muted("No simulated players yet: add one above."));
    setCellFactory(l -> new CardCell());
    model.cards().observe(cards -> {
      getItems().setAll(cards);
      select(model.selected().get());
    });
    model.selected().observe(this::select);
    getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null && !now.userId().equals(model.selected().get())) {
        model.select(now.userId());
      }
    });
  }

  private void select(String id) {
    for (int i = 0; i < getItems().size(); i++) {
      if (getItems().get(i).userId().equals(id)) {
        if (getSelectionModel().getSelectedIndex() != i) {
          getSelectionModel().select(i);
        }
        return;
      }
    }
  }

  static Tone tone(ConnectionState s) {
    return switch (s) {
      case OPEN -> Tone.GOOD;
      case CONNECTING -> Tone.WARNING;
      default -> Tone.DANGER;
    };
  }

  static Tone tone(MirrorCheck c) {
    return switch (c.status()) {
      case MATCH -> Tone.GOOD;
      case MISMATCH -> Tone.DANGER;
      default -> Tone.NEUTRAL;
    };
  }

  private static final class CardCell extends ListCell<PlayerCard> {
    @Override
    protected void updateItem(PlayerCard c, boolean empty) {
      super.updateItem(c, empty);
      if (empty || c == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label initial = new Label(c.userId().substring(0, 1).toUpperCase(Locale.ROOT));
      initial.getStyleClass().add("avatar-letter");
      Circle disc = new Circle(16);
      disc.getStyleClass().add("avatar-disc");
      StackPane avatar = new StackPane(disc, initial);
      avatar.getStyleClass().add("avatar");
      Label name = new Label(c.userId());
      name.getStyleClass().add("player-name");
      FontIcon dot = new FontIcon(Material2AL.FIBER_MANUAL_RECORD);
      dot.getStyleClass().add("state-dot");
      Controls.tone(dot, tone(c.connection()));
      Label where = Controls.muted(c.zone().isEmpty() ? c.connection().name().toLowerCase(Locale.ROOT) : c.place() + " · " + c.zone());
      FontIcon check = new FontIcon(c.check().status() == MirrorCheck.Status.MISMATCH ? Material2MZ.SYNC_PROBLEM
          : Material2AL.CHECK_CIRCLE);
      check.getStyleClass().add("check-icon");
      Controls.tone(check, tone(c.check()));
      Label held = Controls.muted(c.inventory().size() + " held · v" + Math.max(0, c.version()));
      VBox text = new VBox(2, Controls.row(6, name, dot), where);
      HBox.setHgrow(text, Priority.ALWAYS);
      held.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      VBox right = new VBox(2, check, held);
      right.setAlignment(Pos.CENTER_RIGHT);
      HBox row = new HBox(10, avatar, text, right);
      row.setAlignment(Pos.CENTER_LEFT);
      // Fit the list's width, so long places shorten instead of scrolling sideways.
      row.setMinWidth(0);
      row.prefWidthProperty().bind(getListView().widthProperty().subtract(34));
      row.maxWidthProperty().bind(row.prefWidthProperty());
      text.setMinWidth(0);
      where.setMinWidth(0);
      setGraphic(row);
      setText(null);
    }
  }
}
