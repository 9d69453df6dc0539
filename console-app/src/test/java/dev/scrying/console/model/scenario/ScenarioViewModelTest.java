package dev.scrying.console.model.scenario;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.TestServers;
import dev.scrying.console.model.Notices;
import dev.scrying.console.model.UiLoop;
import dev.scrying.console.session.EmbeddedSession;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.ServerHandle;
import dev.scrying.scenarios.run.RunState;
import dev.scrying.server.NatsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioViewModelTest {
  private static final String TAKE = """
      name: Take one bottle
      description: A guest takes the joy bottle.
      experience: wylding-woods
      players:
        - id: guest
      steps:
        - command: collect_item
          fields: {instance_id: bottle_joy}
          expect: {success: true, message: "Bottle of Joy"}
        - command: collect_item
          fields: {instance_id: bottle_joy}
          expect: {success: true}
      """;

  @TempDir
  Path dir;
  private final UiLoop ui = new UiLoop();
  private final Notices notices = new Notices(ui.dispatch());
  private final List<Frame> frames = new CopyOnWriteArrayList<>();
  private EmbeddedSession session;
  private ServerHandle handle;
  private ScenarioViewModel model;

  @BeforeEach
  void start() throws Exception {
    session = TestServers.embedded(dir.resolve("data"), NatsConfig.off());
    handle = ServerHandle.connect(session.baseUrl(), session.adminToken().get(10, SECONDS));
    Files.createDirectories(dir.resolve("scenarios"));
    Files.writeString(dir.resolve("scenarios/take.yaml"), TAKE);
    Files.writeString(dir.resolve("scenarios/broken.yaml"), "name: [unclosed");
    model = new ScenarioViewModel(ui.dispatch(), notices, () -> handle, frames::add);
  }

  @AfterEach
  void stop() {
    model.close();
    handle.close();
    session.close();
  }

  @Test
  void listsLoadsRunsAndReportsEachStepAndCheck() {
    model.showFolder(dir.resolve("scenarios"));
    ui.until(() -> model.files().get().size() == 2 && model.selected().get() != null);
    assertThat(model.files().get()).filteredOn(f -> !f.loadable()).singleElement()
        .satisfies(f -> assertThat(f.problem()).isNotBlank());
    assertThat(model.selected().get().name()).isEqualTo("Take one bottle");
    assertThat(model.steps().get()).extracting(StepRow::status).containsOnly(StepRow.Status.PENDING);
    assertThat(model.riskySteps()).isEmpty();

    model.run();

    ui.until(() -> model.state().get() == RunState.FINISHED && model.summary().get().startsWith("Failed"));
    assertThat(model.steps().get()).extracting(StepRow::status).containsExactly(StepRow.Status.PASSED, StepRow.Status.FAILED);
    assertThat(model.checks().get()).anyMatch(c -> !c.passed() && c.step() == 1);
    assertThat(model.summary().get()).contains("1 passed, 1 failed");
    assertThat(frames).isNotEmpty();
  }

  @Test
  void stepRunsOneStepAtATime() {
    model.showFolder(dir.resolve("scenarios"));
    ui.until(() -> model.selected().get() != null);
    model.step();
    ui.until(() -> model.steps().get().get(0).status() == StepRow.Status.PASSED && model.state().get() == RunState.PAUSED);
    assertThat(model.steps().get().get(1).status()).isEqualTo(StepRow.Status.PENDING);
    model.stop();
    ui.until(() -> model.state().get() == RunState.STOPPED);
  }
}
