package dev.scrying.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.TestServers;
import dev.scrying.console.model.MainViewModel;
import dev.scrying.console.model.Page;
import dev.scrying.console.model.players.ChatLine;
import dev.scrying.console.model.scenario.StepRow;
import dev.scrying.console.session.EmbeddedSession;
import dev.scrying.scenarios.client.ConnectionState;
import dev.scrying.server.NatsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The console as launched, with two simulated players on a real server: players, mirror, chat and scenarios. */
@ExtendWith(ApplicationExtension.class)
class ConsoleFlowTest {
  private static final String SPOT_3 = "/locations/woander_store/areas/main_room/spots/spot_3";

  @TempDir
  Path dir;
  private MainViewModel model;
  private MainView view;

  @Start
  void start(Stage stage) {
    model = new MainViewModel(() -> TestServers.embedded(dir.resolve("data"), NatsConfig.off()), FxDispatch.create(),
        Duration.ofMillis(100), List.of("alice", "bob"));
    view = new MainView(model);
    stage.setScene(new Scene(view, 1280, 800));
    stage.show();
    model.start();
  }

  @AfterEach
  void stop() {
    model.close();
  }

  private void awaitPlayers() {
    Fx.until("both players connected", () -> model.players().cards().get().size() == 2
        && model.players().cards().get().stream().allMatch(c -> c.connection() == ConnectionState.OPEN));
    Fx.until("the mirror drawn", () -> model.mirror().scene().get().contains("bottle_joy"));
    Fx.until("the world read", () -> model.world().root().get() != null);
  }

  @Test
  void takeABottleFromTheCommandBarSeeItVanishInTheMirrorAndFlashInTheWorldTree(FxRobot robot) {
    awaitPlayers();
    robot.clickOn("#nav-players");
    Fx.until(() -> !model.players().commands().get().isEmpty());
    pick(robot, "#commandPicker", "collect_item");
    Fx.until(() -> robot.lookup("#field-instance_id").tryQuery().isPresent());
    // The field is an editable picker: typing an id works as well as choosing from what is in reach.
    robot.clickOn("#field-instance_id").write("bottle_joy");
    robot.clickOn("#sendCommand");

    Fx.until(() -> view.mirror().canvas().vanished().contains("bottle_joy"));
    Fx.until(() -> view.panelTree().isFlashing(SPOT_3));
    assertThat(Fx.on(() -> model.mirror().scene().get().contains("bottle_joy"))).isFalse();
    robot.clickOn("#nav-mirror");
    Fx.until(() -> Fx.text(robot, "#mirrorDelta").startsWith("Bottle of Joy vanished"));
    Fx.until(() -> model.players().selectedCard().get().inventory().contains("Bottle of Joy"));
  }

  @Test
  void chatAndSeeTheSseFramesInOrder(FxRobot robot) {
    awaitPlayers();
    robot.clickOn("#nav-players");
    robot.clickOn("#chatInput").write("take the joy bottle").type(javafx.scene.input.KeyCode.ENTER);

    @SuppressWarnings("unchecked")
    ListView<ChatLine> frames = Fx.node(robot, "#chatFrames", ListView.class);
    Fx.until(() -> frames.getItems().stream().anyMatch(l -> l.type().equals("done")));
    List<String> types = Fx.on(() -> frames.getItems().stream().map(ChatLine::type).toList());
    assertThat(types).containsSubsequence("metadata", "world_update", "content", "done");
    assertThat(types.indexOf("world_update")).isLessThan(types.indexOf("content"));
    List<Double> times = Fx.on(() -> frames.getItems().stream().map(ChatLine::atMs).toList());
    assertThat(times).isSorted();
    Fx.until(() -> Fx.text(robot, "#chatNarrative").contains("Bottle of Joy"));

    robot.clickOn("#nav-mirror");
    Fx.until(() -> Fx.text(robot, "#mirrorNarrative").contains("Bottle of Joy"));
  }

  @Test
  void runAScenarioThatResetsOnlyAfterConfirming(FxRobot robot) throws Exception {
    awaitPlayers();
    Path folder = Files.createDirectories(dir.resolve("scenarios"));
    Files.writeString(folder.resolve("reset-and-take.yaml"), """
        name: Reset and take
        experience: wylding-woods
        players:
          - id: guest
        steps:
          - reset: experience
          - command: collect_item
            fields: {instance_id: bottle_nature}
            expect: {success: true, message: "Bottle of Nature"}
        """);
    Fx.run(() -> {
      model.scenarios().showFolder(folder);
      model.show(Page.SCENARIOS);
    });
    Fx.until(() -> model.scenarios().selected().get() != null);

    robot.clickOn("#scenarioRun");
    Fx.until(() -> view.dialogs().isShowing());
    assertThat(Fx.text(robot, "#dialogBody")).contains("reset experience");
    robot.clickOn("#dialogConfirm");

    Fx.until(() -> model.scenarios().steps().get().stream().allMatch(s -> s.status() == StepRow.Status.PASSED));
    Fx.until(() -> Fx.text(robot, "#scenarioSummary").startsWith("Passed"));
    Fx.until(() -> model.stream().players().get().contains("guest"));
  }

  /** Opens a combo box and clicks the entry showing {@code text}. */
  private static void pick(FxRobot robot, String combo, String text) {
    robot.clickOn(combo);
    Fx.until("'" + text + "' in the list", () -> robot.lookup(".list-cell")
        .match((ListCell<?> c) -> text.equals(c.getText())).tryQuery().isPresent());
    Node cell = Fx.on(() -> robot.lookup(".list-cell").match((ListCell<?> c) -> text.equals(c.getText()))
        .queryAs(Node.class));
    robot.clickOn(cell);
    @SuppressWarnings("unchecked")
    ComboBox<Object> box = Fx.node(robot, combo, ComboBox.class);
    Fx.until(() -> box.getValue() != null && box.getValue().toString().equals(text));
  }

}
