package dev.scrying.console.ui.players;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.scrying.console.model.players.MirrorCheck;
import dev.scrying.console.model.players.PlayerCard;
import dev.scrying.console.model.players.PlayersViewModel;
import dev.scrying.console.ui.Controls;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Everything about the selected player: mirror state, where they are, what they hold, and how to make them act. */
final class PlayerDetail extends VBox {
  private final PlayersViewModel model;
  private final Label name = new Label();
  private final Label state = new Label();
  private final Label check = new Label();
  private final Label where = new Label();
  private final FlowPane inventory = new FlowPane(6, 6);

  PlayerDetail(PlayersViewModel model) {
    this.model = model;
    setSpacing(14);
    getStyleClass().add("player-detail");
    name.getStyleClass().add(Styles.TITLE_3);
    name.setId("playerName");
    check.setId("mirrorCheck");
    check.setWrapText(true);
    where.setId("playerWhere");
    inventory.setId("playerInventory");
    Label answer = Controls.bound("lastAnswer", model.lastAnswer(), "last-answer");
    answer.setWrapText(true);
    // Always laid out, empty or not, so the chat box never jumps away from under the pointer.
    answer.setMinHeight(18);
    TextArea mirror = new TextArea();
    mirror.setId("playerMirror");
    mirror.setEditable(false);
    mirror.getStyleClass().add("json-text");
    mirror.setPrefRowCount(14);
    model.selectedMirror().observe(mirror::setText);
    TitledPane mirrorPane = new TitledPane("Client mirror (JSON)", mirror);
    mirrorPane.setExpanded(false);
    getChildren().addAll(
        Controls.row(10, name, state, new Spacer(), connectionButtons()),
        check,
        Controls.group("Where", where, new LocationPicker(model)),
        Controls.group("Inventory", inventory),
        Controls.group("Command", new CommandBar(model), answer),
        Controls.group("Chat (SSE)", new ChatBox(model)),
        mirrorPane);
    model.selectedCard().observe(this::show);
  }

  private javafx.scene.Node connectionButtons() {
    Button drop = Controls.button("dropPlayer", "Drop", Material2AL.LINK_OFF, Styles.FLAT);
    drop.setOnAction(e -> model.disconnect(model.selected().get()));
    Button back = Controls.button("reconnectPlayer", "Reconnect", Material2MZ.REFRESH, Styles.FLAT);
    back.setOnAction(e -> model.reconnect(model.selected().get()));
    Button remove = Controls.button("removePlayer", "Remove", Material2AL.DELETE_OUTLINE, Styles.FLAT, Styles.DANGER);
    remove.setOnAction(e -> model.removePlayer(model.selected().get()));
    return Controls.row(4, drop, back, remove);
  }

  private void show(PlayerCard c) {
    setDisable(c == null);
    if (c == null) {
      name.setText("No player");
      return;
    }
    name.setText(c.userId());
    state.setText(c.connection().name().toLowerCase(java.util.Locale.ROOT) + " · mirror v" + Math.max(0, c.version())
        + (c.chainProblems() == 0 ? "" : " · " + c.chainProblems() + " chain problems"));
    state.getStyleClass().setAll("label", Styles.TEXT_MUTED);
    boolean ok = c.check().status() == MirrorCheck.Status.MATCH;
    boolean bad = c.check().status() == MirrorCheck.Status.MISMATCH;
    check.setText(ok ? "Mirror equals the server's view " + c.check().detail()
        : bad ? "Mirror differs from the server: " + c.check().detail() : "Mirror not checked yet");
    check.setGraphic(new FontIcon(bad ? Material2MZ.SYNC_PROBLEM : Material2AL.CHECK_CIRCLE));
    Controls.tone(check, PlayerList.tone(c.check()));
    check.getStyleClass().add("mirror-check");
    where.setText(c.zone().isEmpty() ? "—" : c.place() + " in " + c.zone());
    inventory.getChildren().clear();
    if (c.inventory().isEmpty()) {
      inventory.getChildren().add(Controls.muted("Nothing yet"));
    }
    c.inventory().forEach(i -> {
      Label chip = new Label(i);
      chip.getStyleClass().add("chip");
      inventory.getChildren().add(chip);
    });
  }
}
