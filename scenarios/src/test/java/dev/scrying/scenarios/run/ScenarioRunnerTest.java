package dev.scrying.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scrying.scenarios.client.Direction;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.ServerHandle;
import dev.scrying.scenarios.format.Scenario;
import dev.scrying.scenarios.format.ScenarioLoader;
import dev.scrying.scenarios.format.Step;
import dev.scrying.scenarios.local.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runner against a real server: verdicts, failure context, listeners, and step/pause/resume/stop. */
class ScenarioRunnerTest {
  static EmbeddedServer embedded;
  static ServerHandle server;

  static final String SCENARIO = """
      name: runner test
      players:
        - id: %1$s
        - id: %1$s_friend
      steps:
        - reset: experience
        - command: collect_item
          fields: {instance_id: bottle_joy}
          expect:
            success: true
            events:
              %1$s_friend: [world_update]
        - name: this one must fail
          command: collect_item
          fields: {instance_id: bottle_joy}
          expect:
            success: true
            message: "You collected"
        - command: inventory
          expect:
            message: "Bottle of Joy"
      """;

  @BeforeAll
  static void start() throws Exception {
    embedded = EmbeddedServer.start(EmbeddedServer.TEST_PACING);
    server = ServerHandle.connect(embedded.baseUrl(), null);
  }

  @AfterAll
  static void stop() {
    server.close();
    embedded.close();
  }

  static Scenario scenario(String player) throws Exception {
    return ScenarioLoader.parse(SCENARIO.formatted(player), Path.of("runner-test.yaml"));
  }

  /** Records every callback, thread-safely. */
  static final class Recorder implements RunListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Frame> frames = new CopyOnWriteArrayList<>();
    final List<RunState> states = new CopyOnWriteArrayList<>();

    @Override
    public void stateChanged(RunState state) {
      states.add(state);
    }

    @Override
    public void stepStarted(int index, Step step) {
      events.add("start " + index);
    }

    @Override
    public void frame(int stepIndex, Frame frame) {
      frames.add(frame);
    }

    @Override
    public void assertion(int stepIndex, AssertionResult result) {
      events.add((result.passed() ? "pass " : "fail ") + stepIndex);
    }

    @Override
    public void stepFinished(StepResult result) {
      events.add("end " + result.index() + " " + result.status());
    }

    @Override
    public void scenarioFinished(ScenarioResult result) {
      events.add("finished");
    }
  }

  @Test
  void aFailingExpectationIsReportedWithTheFramesAroundIt() throws Exception {
    Recorder rec = new Recorder();
    try (ScenarioRunner runner = new ScenarioRunner(server, scenario("ann"))) {
      runner.addListener(rec);
      ScenarioResult r = runner.run();

      assertThat(r.passed()).isFalse();
      assertThat(r.endState()).isEqualTo(RunState.FINISHED);
      assertThat(r.steps()).extracting(StepResult::status)
          .containsExactly(StepStatus.PASSED, StepStatus.PASSED, StepStatus.FAILED, StepStatus.PASSED);
      StepResult failed = r.steps().get(2);
      assertThat(failed.name()).isEqualTo("this one must fail");
      assertThat(failed.line()).isEqualTo(13);
      assertThat(failed.failures()).hasSize(2);
      AssertionResult success = failed.failures().get(0);
      assertThat(success.description()).isEqualTo("success is true");
      assertThat(success.line()).isEqualTo(17);
      assertThat(success.detail()).startsWith("success was false");
      assertThat(success.context()).as("the frames around the failure")
          .anySatisfy(f -> assertThat(f.direction()).isEqualTo(Direction.OUT))
          .anySatisfy(f -> assertThat(f.type()).isEqualTo("action_response"));
      assertThat(failed.frames()).extracting(Frame::type).contains("action", "action_response");
      assertThat(r.steps().get(1).frames()).as("the friend's delta is counted in the step that caused it")
          .anySatisfy(f -> {
            assertThat(f.userId()).isEqualTo("ann_friend");
            assertThat(f.type()).isEqualTo("world_update");
          });
      assertThat(r.finalChecks()).isNotEmpty().allMatch(AssertionResult::passed);
      assertThat(r.latency().get(dev.scrying.scenarios.client.LatencyMetric.ACTION_TO_RESPONSE)).isPresent();
    }
    assertThat(rec.events).containsSubsequence("start 0", "end 0 PASSED", "start 2", "fail 2", "end 2 FAILED", "start 3",
        "finished");
    assertThat(rec.frames).isNotEmpty();
    assertThat(rec.states).containsExactly(RunState.RUNNING, RunState.FINISHED);
  }

  @Test
  void stepPauseResumeAndStopAreHonouredBetweenSteps() throws Exception {
    Recorder rec = new Recorder();
    try (ScenarioRunner runner = new ScenarioRunner(server, scenario("bea"))) {
      runner.addListener(rec);
      runner.step();
      await().atMost(Duration.ofSeconds(20)).until(() -> runner.results().size() == 1 && runner.state() == RunState.PAUSED);
      assertThat(rec.events).contains("end 0 PASSED").doesNotContain("start 1");

      runner.step();
      await().atMost(Duration.ofSeconds(20)).until(() -> runner.results().size() == 2 && runner.state() == RunState.PAUSED);
      assertThat(runner.player("bea")).isPresent();
      assertThat(runner.player("bea").get().mirror().path("player").path("inventory")).hasSize(1);

      runner.stop();
      ScenarioResult r = runner.start().get(20, TimeUnit.SECONDS);
      assertThat(r.endState()).isEqualTo(RunState.STOPPED);
      assertThat(r.passed()).as("a stopped run never passes").isFalse();
      assertThat(r.steps()).extracting(StepResult::status)
          .containsExactly(StepStatus.PASSED, StepStatus.PASSED, StepStatus.SKIPPED, StepStatus.SKIPPED);
    }
    assertThat(rec.states).containsSubsequence(RunState.RUNNING, RunState.PAUSED, RunState.RUNNING, RunState.PAUSED,
        RunState.STOPPED);
  }

  @Test
  void aConnectionThatDroppedWithoutAFaultStepFailsTheNextStep() throws Exception {
    try (ScenarioRunner runner = new ScenarioRunner(server, scenario("eve"))) {
      runner.step();
      await().atMost(Duration.ofSeconds(20)).until(() -> runner.results().size() == 1 && runner.state() == RunState.PAUSED);
      server.post("/admin/faults/cut", dev.scrying.experiences.Json.object().put("user_id", "eve_friend"));
      runner.player("eve_friend").orElseThrow().closed().get(10, TimeUnit.SECONDS);
      runner.step();
      await().atMost(Duration.ofSeconds(20)).until(() -> runner.results().size() == 2);
      StepResult second = runner.results().get(1);
      assertThat(second.status()).isEqualTo(StepStatus.FAILED);
      assertThat(second.failures()).anySatisfy(a -> {
        assertThat(a.description()).isEqualTo("every player is subscribed before the step acts");
        assertThat(a.detail()).contains("eve_friend");
      });
      runner.stop();
    }
  }

  @Test
  void pauseHoldsARunningScenarioUntilResumed() throws Exception {
    try (ScenarioRunner runner = new ScenarioRunner(server, scenario("cat"))) {
      runner.pause();
      runner.start();
      await().atMost(Duration.ofSeconds(20)).until(() -> runner.state() == RunState.PAUSED);
      assertThat(runner.results()).isEmpty();
      runner.resume();
      ScenarioResult r = runner.start().get(30, TimeUnit.SECONDS);
      assertThat(r.steps()).hasSize(4);
      assertThat(r.count(StepStatus.FAILED)).isEqualTo(1);
    }
  }

  @Test
  void aServerThatIsGoneFailsTheRunInsteadOfHanging() throws Exception {
    EmbeddedServer other = EmbeddedServer.start(EmbeddedServer.TEST_PACING);
    try (ServerHandle gone = ServerHandle.connect(other.baseUrl(), null)) {
      other.close();
      try (ScenarioRunner runner = new ScenarioRunner(gone, scenario("dan"))) {
        ScenarioResult r = runner.run();
        assertThat(r.passed()).isFalse();
        assertThat(r.finalChecks()).anySatisfy(a -> {
          assertThat(a.passed()).isFalse();
          assertThat(a.description()).contains("connects");
        });
        assertThat(r.steps()).allMatch(s -> s.status() == StepStatus.SKIPPED);
      }
    }
  }
}
