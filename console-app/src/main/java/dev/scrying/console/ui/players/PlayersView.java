package dev.scrying.console.ui.players;

import atlantafx.base.theme.Styles;
import dev.scrying.console.model.Page;
import dev.scrying.console.model.players.PlayersViewModel;
import dev.scrying.console.ui.Controls;
import dev.scrying.console.ui.PageHeader;
import dev.scrying.console.ui.PanelView;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Players panel: the simulated players on the left, the selected one's mirror and controls on the right. FX thread. */
public final class PlayersView extends BorderPane implements PanelView {
  private final SplitPane split;
  private final TextField newId = new TextField();

  public PlayersView(PlayersViewModel model) {
    getStyleClass().add("panel");
    newId.setId("newPlayerId");
    newId.setPromptText("New player id");
    newId.setPrefWidth(160);
    Button add = Controls.button("addPlayer", "Add player", Material2MZ.PERSON_ADD, Styles.ACCENT);
    Runnable adding = () -> {
      model.addPlayer(newId.getText());
      newId.clear();
    };
    add.setOnAction(e -> adding.run());
    newId.setOnAction(e -> adding.run());
    add.disableProperty().bind(newId.textProperty().isEmpty());
    setTop(new PageHeader(Page.PLAYERS, newId, add));
    PlayerList list = new PlayerList(model);
    VBox left = new VBox(8, Controls.caption("Simulated players"), list);
    VBox.setVgrow(list, Priority.ALWAYS);
    left.getStyleClass().add("pane-left");
    ScrollPane right = new ScrollPane(new PlayerDetail(model));
    right.setFitToWidth(true);
    right.getStyleClass().addAll("pane-right", atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
    split = new SplitPane(left, right);
    split.setId("playersSplit");
    split.setDividerPositions(0.3);
    setCenter(split);
  }

  @Override
  public Node root() {
    return this;
  }

  @Override
  public void focusSearch() {
    newId.requestFocus();
  }

  @Override
  public Map<String, SplitPane> splits() {
    return Map.of("main", split);
  }
}
