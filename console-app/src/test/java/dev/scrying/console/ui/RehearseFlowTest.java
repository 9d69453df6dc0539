package dev.scrying.console.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scrying.console.TestServers;
import dev.scrying.console.model.MainViewModel;
import dev.scrying.console.model.rehearse.TimelineEntry;
import dev.scrying.scenarios.client.ConnectionState;
import dev.scrying.server.NatsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The failure buttons against a real server that owns a real nats-server (skipped if none is installed). */
@ExtendWith(ApplicationExtension.class)
class RehearseFlowTest {
  @TempDir
  Path dir;
  private MainViewModel model;
  private MainView view;

  @BeforeAll
  static void needsNats() {
    assumeTrue(TestServers.natsInstalled(), "nats-server is not installed (apt-get install nats-server)");
  }

  @Start
  void start(Stage stage) {
    model = new MainViewModel(() -> TestServers.embedded(dir.resolve("data"), NatsConfig.managed()), FxDispatch.create(),
        Duration.ofMillis(100), List.of("alice"));
    view = new MainView(model);
    stage.setScene(new Scene(view, 1280, 800));
    stage.show();
    model.start();
  }

  @AfterEach
  void stop() {
    model.close();
  }

  @Test
  void stopAndStartNatsSlowTheNarratorAndCutAPlayer(FxRobot robot) {
    Fx.until("NATS connected", () -> Fx.text(robot, "#statusNats").equals("NATS managed · connected"));
    Fx.until("alice connected", () -> model.players().cards().get().size() == 1
        && model.players().cards().get().get(0).connection() == ConnectionState.OPEN);
    robot.clickOn("#nav-rehearse");
    assertThat(Fx.on(() -> robot.lookup("#stopNats").query().isDisabled())).as("disarmed").isTrue();
    robot.clickOn("#rehearseArmed .thumb-area");
    Fx.until("armed", () -> model.rehearse().armed().get());
    Fx.until("stop enabled", () -> !robot.lookup("#stopNats").query().isDisabled());

    robot.clickOn("#stopNats");
    Fx.until("the stop asked for", () -> timeline().stream().anyMatch(t -> t.text().equals("Operator: stop NATS.")));
    Fx.until(() -> !Fx.text(robot, "#statusNats").equals("NATS managed · connected")
        && robot.lookup("#degradedBanner").query().isVisible());
    Fx.until(() -> timeline().stream().anyMatch(t -> t.text().startsWith("NATS is ")));

    robot.clickOn("#startNats");
    Fx.until(() -> Fx.text(robot, "#statusNats").equals("NATS managed · connected")
        && !robot.lookup("#degradedBanner").query().isVisible());
    Fx.until(() -> timeline().stream().anyMatch(t -> t.text().startsWith("NATS connected again after")));

    robot.clickOn("#narrator-x4");
    Fx.until(() -> model.rehearse().narratorSlowdown().get() == 4.0);

    robot.clickOn("#cutPlayer");
    Fx.until("alice in the list", () -> robot.lookup(".list-cell")
        .match((ListCell<?> c) -> "alice".equals(c.getText())).tryQuery().isPresent());
    Node alice = Fx.on(() -> robot.lookup(".list-cell").match((ListCell<?> c) -> "alice".equals(c.getText()))
        .queryAs(Node.class));
    robot.clickOn(alice);
    robot.clickOn("#cutConnection");
    Fx.until(() -> model.players().cards().get().get(0).connection() != ConnectionState.OPEN);
    Fx.until(() -> timeline().stream().anyMatch(t -> t.text().startsWith("Cut 1 connection of alice")));
  }

  private List<TimelineEntry> timeline() {
    return model.rehearse().timeline().get();
  }
}
