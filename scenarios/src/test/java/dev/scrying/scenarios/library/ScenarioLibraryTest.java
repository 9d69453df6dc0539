package dev.scrying.scenarios.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.scenarios.client.ServerHandle;
import dev.scrying.scenarios.format.Scenario;
import dev.scrying.scenarios.format.ScenarioLoader;
import dev.scrying.scenarios.local.EmbeddedServer;
import dev.scrying.scenarios.run.AssertionResult;
import dev.scrying.scenarios.run.ScenarioResult;
import dev.scrying.scenarios.run.ScenarioRunner;
import dev.scrying.scenarios.run.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario file of the library (scenarios/*.yaml) runs and passes against one embedded server
 * with a managed nats-server. This is the suite CI runs.
 */
class ScenarioLibraryTest {
  static EmbeddedServer embedded;
  static ServerHandle server;

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

  static List<Path> library() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("").toAbsolutePath())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyScenarioPasses() throws Exception {
    List<Scenario> scenarios = ScenarioLoader.loadAll(library());
    assertThat(scenarios.size()).as("scenario files in the library").isGreaterThanOrEqualTo(7);
    return scenarios.stream().map(s -> DynamicTest.dynamicTest(s.fileName(), () -> {
      try (ScenarioRunner runner = new ScenarioRunner(server, s)) {
        ScenarioResult r = runner.run();
        assertThat(r.passed()).as(failures(r)).isTrue();
      }
    }));
  }

  static String failures(ScenarioResult r) {
    StringBuilder sb = new StringBuilder(r.fileName() + " failed (" + r.endState() + "):\n");
    for (StepResult s : r.steps()) {
      for (AssertionResult a : s.failures()) {
        sb.append("  step ").append(s.index() + 1).append(" '").append(s.name()).append("' line ").append(s.line())
            .append(": ").append(a.description()).append(" -> ").append(a.detail()).append('\n');
        a.context().forEach(f -> sb.append("      ").append(f.summary()).append(' ')
            .append(f.json().toString(), 0, Math.min(160, f.json().toString().length())).append('\n'));
      }
    }
    for (AssertionResult a : r.finalChecks()) {
      if (!a.passed()) {
        sb.append("  final: ").append(a.description()).append(" -> ").append(a.detail()).append('\n');
      }
    }
    for (AssertionResult a : r.budgets()) {
      if (!a.passed()) {
        sb.append("  budget: ").append(a.description()).append(" -> ").append(a.detail()).append('\n');
      }
    }
    return sb.toString();
  }
}
