package dev.scrying.console.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.model.MainViewModel;
import dev.scrying.console.model.world.WorldNode;
import dev.scrying.console.session.EmbeddedSession;
import dev.scrying.console.model.stream.StreamEvent;
import dev.scrying.experiences.Json;
import dev.scrying.server.NatsConfig;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.engine.Command;
import dev.scrying.server.engine.Commands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole console window against a real embedded server on a free port, headless through Monocle. */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
  private static final String SPOT_3 = "/locations/woander_store/areas/main_room/spots/spot_3";

  @TempDir
  Path dataDir;

  private final AtomicReference<ScryingServer> server = new AtomicReference<>();
  private MainViewModel model;
  private MainView view;

  @Start
  void start(Stage stage) {
    Callable<EmbeddedSession> starter = () -> {
      EmbeddedSession session = new EmbeddedSession(ScryingServer.start(ServerConfig.local(dataDir).withNats(NatsConfig.off())));
      server.set(session.server());
      return session;
    };
    model = new MainViewModel(starter, FxDispatch.create(), Duration.ofMillis(100), java.util.List.of());
    view = new MainView(model);
    stage.setScene(new Scene(view, 1280, 800));
    stage.show();
    model.start();
  }

  @AfterEach
  void stopServer() {
    model.close();
  }

  private void awaitRunning(FxRobot robot) {
    Fx.until(() -> server.get() != null && robot.lookup("#serverUrl").queryLabeled().getText().equals(server.get().baseUrl())
        && model.world().root().get() != null);
  }

  private void act(String user, String action, String field, String value) throws Exception {
    server.get().runtime("wylding-woods").engine()
        .submit(Command.of(user, action, value == null ? null : Json.object().put(field, value))).get(10, SECONDS);
  }

  @Test
  void takingABottleFlashesItsSpotAndTheBottleLeavesTheTree(FxRobot robot) throws Exception {
    awaitRunning(robot);
    assertThat(Fx.text(robot, "#experienceId")).isEqualTo("wylding-woods");
    assertThat(Fx.on(() -> find(view.panelTree().getRoot(), SPOT_3 + "/items/0"))).isNotNull();

    act("alice", "collect_item", "instance_id", "bottle_joy");

    Fx.until(() -> view.panelTree().isFlashing(SPOT_3));
    Fx.until(() -> robot.lookup(".world-tree .tree-cell").queryAllAs(TreeCell.class).stream()
        .anyMatch(c -> c.getPseudoClassStates().contains(dev.scrying.console.ui.world.WorldTreeView.FLASH)
            && c.getItem() != null && ((WorldNode) c.getItem()).pointer().equals(SPOT_3)));
    assertThat(Fx.on(() -> find(view.panelTree().getRoot(), SPOT_3 + "/items/0"))).isNull();
    Fx.until(() -> Fx.text(robot, "#statusVersion").equals("World v" + server.get().runtime("wylding-woods").engine().version()));

    robot.clickOn("#changesTab");
    Fx.until(() -> !robot.lookup("#worldChanges").queryListView().getItems().isEmpty());
    robot.clickOn(robot.lookup("#worldChanges .list-cell").nth(0).queryAs(javafx.scene.Node.class));
    Fx.until(() -> robot.lookup("#worldDiff").queryTableView().getItems().stream()
        .anyMatch(c -> c.toString().contains("bottle_joy")));
  }

  @Test
  void filterTheStreamByPlayer(FxRobot robot) throws Exception {
    awaitRunning(robot);
    act("alice", Commands.JOIN, null, null);
    act("bob", Commands.JOIN, null, null);
    act("bob", "go", "destination", "clearing");
    robot.clickOn("#nav-stream");
    @SuppressWarnings("unchecked")
    TableView<StreamEvent> table = Fx.node(robot, "#streamTable", TableView.class);
    Fx.until(() -> table.getItems().size() >= 3);

    @SuppressWarnings("unchecked")
    ComboBox<String> players = Fx.node(robot, "#playerFilter", ComboBox.class);
    Fx.until(() -> players.getItems().contains("bob"));
    robot.clickOn("#playerFilter");
    robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
        .match((javafx.scene.control.ListCell<?> c) -> "bob".equals(c.getText())).queryAs(javafx.scene.Node.class));

    Fx.until(() -> table.getItems().size() == 2 && table.getItems().stream().allMatch(e -> e.player().equals("bob")));
    robot.clickOn("#streamSearch").write("clearing");
    Fx.until(() -> table.getItems().size() == 1 && table.getItems().get(0).type().equals("go"));
  }

  @Test
  void resetToACommitFromHistoryAfterConfirming(FxRobot robot) throws Exception {
    awaitRunning(robot);
    act("alice", Commands.JOIN, null, null);
    long joined = server.get().runtime("wylding-woods").engine().version();
    Fx.until(() -> server.get().runtime("wylding-woods").snapshotter().committedVersion() >= joined);
    act("alice", "collect_item", "instance_id", "bottle_joy");
    robot.clickOn("#nav-history");
    @SuppressWarnings("unchecked")
    TableView<dev.scrying.console.session.HistoryEntry> table = Fx.node(robot, "#historyTable", TableView.class);
    Fx.until(() -> table.getItems().stream().anyMatch(e -> e.command().startsWith("collect_item")));
    int row = Fx.on(() -> indexOf(table, joined));
    Fx.run(() -> table.getSelectionModel().clearAndSelect(row));

    robot.clickOn("#resetToHere");
    Fx.until(() -> view.dialogs().isShowing());
    assertThat(Fx.text(robot, "#dialogTitle")).isEqualTo("Reset the world to v" + joined + "?");
    assertThat(Fx.text(robot, "#dialogBody")).contains("restores the world and player views recorded at commit");
    long before = server.get().runtime("wylding-woods").engine().version();
    robot.clickOn("#dialogConfirm");

    Fx.until(() -> server.get().runtime("wylding-woods").engine().version() == before + 1);
    WaitForAsyncUtils.waitForFxEvents();
    String world = server.get().runtime("wylding-woods").engine().read(s -> s.world().toString()).get(10, SECONDS);
    assertThat(world).contains("\"instance_id\":\"bottle_joy\"");
    Fx.until(() -> model.notices().recent().stream().anyMatch(n -> n.title().startsWith("World reset to v" + joined)));
  }

  @Test
  void cancellingTheResetChangesNothing(FxRobot robot) throws Exception {
    awaitRunning(robot);
    act("alice", Commands.JOIN, null, null);
    robot.clickOn("#nav-history");
    @SuppressWarnings("unchecked")
    TableView<dev.scrying.console.session.HistoryEntry> table = Fx.node(robot, "#historyTable", TableView.class);
    Fx.until(() -> !table.getItems().isEmpty());
    Fx.run(() -> table.getSelectionModel().clearAndSelect(0));
    long before = server.get().runtime("wylding-woods").engine().version();
    robot.clickOn("#resetToHere");
    Fx.until(() -> view.dialogs().isShowing());
    robot.clickOn("#dialogCancel");
    Fx.until(() -> !view.dialogs().isShowing());
    assertThat(server.get().runtime("wylding-woods").engine().version()).isEqualTo(before);
  }

  @Test
  void anAdminEditRunsOnlyAfterConfirming(FxRobot robot) throws Exception {
    awaitRunning(robot);
    long before = server.get().runtime("wylding-woods").engine().version();
    robot.clickOn("#adminCommand").write("@edit item bottle_joy visible false");
    fire(robot, "#runAdminCommand");
    Fx.until(() -> view.dialogs().isShowing());
    robot.clickOn("#dialogCancel");
    Fx.until(() -> !view.dialogs().isShowing());
    assertThat(server.get().runtime("wylding-woods").engine().version()).isEqualTo(before);

    fire(robot, "#runAdminCommand");
    Fx.until(() -> view.dialogs().isShowing());
    robot.clickOn("#dialogConfirm");
    Fx.until(() -> server.get().runtime("wylding-woods").engine().version() == before + 1);
    Fx.until(() -> view.panelTree().isFlashing(SPOT_3));
  }

  /** Presses a button even where the 1280-pixel test window clips it (the command bar sits at its edge). */
  private static void fire(FxRobot robot, String query) {
    javafx.scene.control.ButtonBase button = robot.lookup(query).queryAs(javafx.scene.control.ButtonBase.class);
    Fx.run(button::fire);
  }

  @Test
  void shortcutsSwitchPanelsAndTheme(FxRobot robot) {
    awaitRunning(robot);
    robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT5)
        .release(javafx.scene.input.KeyCode.CONTROL);
    Fx.until(() -> model.page().get() == dev.scrying.console.model.Page.LATENCY);
    robot.clickOn("#themeToggle");
    Fx.until(() -> model.darkTheme().get());
    robot.type(javafx.scene.input.KeyCode.F1);
    Fx.until(() -> view.dialogs().isShowing());
    robot.clickOn("#dialogClose");
  }

  private static int indexOf(TableView<dev.scrying.console.session.HistoryEntry> table, long version) {
    for (int i = 0; i < table.getItems().size(); i++) {
      if (table.getItems().get(i).version() == version) {
        return i;
      }
    }
    throw new AssertionError("no commit for v" + version + " in " + table.getItems());
  }

  private static TreeItem<WorldNode> find(TreeItem<WorldNode> item, String pointer) {
    if (item == null) {
      return null;
    }
    if (item.getValue().pointer().equals(pointer)) {
      return item;
    }
    for (TreeItem<WorldNode> c : item.getChildren()) {
      TreeItem<WorldNode> f = find(c, pointer);
      if (f != null) {
        return f;
      }
    }
    return null;
  }
}
