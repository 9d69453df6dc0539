package dev.scrying.console.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scrying.console.model.EmbeddedSession;
import dev.scrying.console.model.MainViewModel;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.engine.Command;
import dev.scrying.server.engine.Commands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main view against a real embedded server on a free port, headless through Monocle. */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
  @TempDir
  Path dataDir;

  private final AtomicReference<ScryingServer> server = new AtomicReference<>();
  private MainViewModel model;

  @Start
  void start(Stage stage) {
    Callable<EmbeddedSession> starter = () -> {
      EmbeddedSession session = new EmbeddedSession(ScryingServer.start(ServerConfig.local(dataDir)));
      server.set(session.server());
      return session;
    };
    model = new MainViewModel(starter, FxDispatch.create(), Duration.ofMillis(50));
    stage.setScene(new Scene(new MainView(model), 960, 640));
    stage.show();
    model.start();
  }

  @AfterEach
  void stopServer() {
    model.close();
  }

  @Test
  void showsTheServerUrlAndTheLiveWorldVersion(FxRobot robot) throws Exception {
    await().atMost(30, SECONDS).until(() -> server.get() != null
        && text(robot, "#serverUrl").equals(server.get().baseUrl()));
    await().atMost(10, SECONDS).until(() -> text(robot, "#worldVersion").matches("\\d+"));
    assertThat(text(robot, "#experienceId")).isEqualTo("wylding-woods");
    assertThat(text(robot, "#statusLine")).startsWith("Server running at " + server.get().baseUrl());

    long before = Long.parseLong(text(robot, "#worldVersion"));
    server.get().runtime("wylding-woods").engine().submit(Command.of("alice", Commands.JOIN, null)).get(10, SECONDS);

    String after = Long.toString(before + 1);
    await().atMost(10, SECONDS).until(() -> text(robot, "#worldVersion").equals(after));
    await().atMost(10, SECONDS).until(() -> onFx(() ->
        robot.lookup("#worldJson").queryAs(TextArea.class).getText()).contains("\"_version\" : " + after));
  }

  @Test
  void aRefreshKeepsTheScrollPosition(FxRobot robot) throws Exception {
    TextArea json = robot.lookup("#worldJson").queryAs(TextArea.class);
    await().atMost(30, SECONDS).until(() -> onFx(() -> json.getText()).contains("\"locations\""));
    onFx(() -> {
      json.setScrollTop(300);
      return null;
    });
    WaitForAsyncUtils.waitForFxEvents();
    String before = onFx(json::getText);

    server.get().runtime("wylding-woods").engine().submit(Command.of("bob", Commands.JOIN, null)).get(10, SECONDS);
    await().atMost(10, SECONDS).until(() -> !onFx(json::getText).equals(before));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(onFx(json::getScrollTop)).isEqualTo(300.0);
  }

  @Test
  void theThemeButtonSwitchesToDark(FxRobot robot) {
    robot.clickOn("#themeToggle");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.darkTheme().get()).isTrue();
  }

  private static String text(FxRobot robot, String query) {
    return onFx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
  }

  /** Reads node state on the FX thread, where it is owned. */
  private static <T> T onFx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get(10, SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
