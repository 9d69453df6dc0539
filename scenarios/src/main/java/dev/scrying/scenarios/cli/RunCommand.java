package dev.scrying.scenarios.cli;

import dev.scrying.scenarios.client.ServerException;
import dev.scrying.scenarios.client.ServerHandle;
import dev.scrying.scenarios.format.Scenario;
import dev.scrying.scenarios.format.ScenarioFormatException;
import dev.scrying.scenarios.format.ScenarioLoader;
import dev.scrying.scenarios.local.EmbeddedServer;
import dev.scrying.scenarios.report.ReportFiles;
import dev.scrying.scenarios.run.ScenarioResult;
import dev.scrying.scenarios.run.ScenarioRunner;
import dev.scrying.server.narrative.NarratorPacing;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code run <files…> [--url URL] [--report DIR]}: validates every file first (a bad one stops the run
 * before anything happens), then runs each scenario in turn against one server (the one at
 * {@code --url}, or an embedded one in a temporary data folder with a managed nats-server), and
 * writes the reports.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Runs scenario files and writes reports.")
final class RunCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (*.yaml), run in the order given.")
  List<Path> files;

  @Option(names = "--url", paramLabel = "URL", description = "A running server (e.g. http://127.0.0.1:8765). "
      + "Without it an embedded server is started in a temporary data folder.")
  String url;

  @Option(names = "--admin-token", paramLabel = "TOKEN", description = "Admin token for --url (default: a dev token).")
  String adminToken;

  @Option(names = "--report", paramLabel = "DIR", description = "Write " + ReportFiles.JUNIT + ", " + ReportFiles.JSON
      + " and " + ReportFiles.HTML + " here.")
  Path report;

  @Option(names = "--narrator-pace", paramLabel = "fast|real", defaultValue = "fast",
      description = "Embedded server only: 'fast' (CI, the default) or 'real' (paced like a hosted model).")
  String pace;

  @Option(names = "--validate-only", description = "Only check that the files are valid scenarios; run nothing.")
  boolean validateOnly;

  private final PrintStream out = System.out;

  @Override
  public Integer call() {
    List<Scenario> scenarios;
    try {
      scenarios = ScenarioLoader.loadAll(files);
    } catch (ScenarioFormatException e) {
      System.err.println(e.getMessage());
      return ScenarioCli.BAD_INPUT;
    }
    if (validateOnly) {
      out.println(scenarios.size() + " valid scenario file(s).");
      return ScenarioCli.PASSED;
    }
    List<ScenarioResult> results;
    try (Target target = Target.open(url, adminToken, pace)) {
      out.println("Running " + scenarios.size() + " scenario(s) against " + target.handle().baseUrl()
          + (url == null ? " (embedded)" : ""));
      results = runAll(target.handle(), scenarios);
    } catch (ServerException | IOException e) {
      System.err.println("scrying run: no server: " + e.getMessage());
      return ScenarioCli.NO_SERVER;
    }
    return finish(results);
  }

  private List<ScenarioResult> runAll(ServerHandle server, List<Scenario> scenarios) {
    List<ScenarioResult> results = new ArrayList<>();
    for (Scenario s : scenarios) {
      try (ScenarioRunner runner = new ScenarioRunner(server, s)) {
        runner.addListener(new ConsoleProgress(out));
        results.add(runner.run());
      }
    }
    return results;
  }

  private int finish(List<ScenarioResult> results) {
    long failed = results.stream().filter(r -> !r.passed()).count();
    if (report != null) {
      try {
        ReportFiles.writeAll(results, report);
        out.println("Reports: " + report.resolve(ReportFiles.HTML) + ", " + report.resolve(ReportFiles.JUNIT) + ", "
            + report.resolve(ReportFiles.JSON));
      } catch (IOException e) {
        System.err.println("scrying run: cannot write the reports: " + e.getMessage());
        return ScenarioCli.FAILED;
      }
    }
    out.println(failed == 0 ? "All " + results.size() + " scenario(s) passed."
        : failed + " of " + results.size() + " scenario(s) FAILED.");
    return failed == 0 ? ScenarioCli.PASSED : ScenarioCli.FAILED;
  }

  /** The server the scenarios run against, and what to close afterwards. */
  private record Target(ServerHandle handle, EmbeddedServer embedded) implements AutoCloseable {
    static Target open(String url, String token, String pace) throws IOException {
      if (url != null) {
        return new Target(ServerHandle.connect(url, token), null);
      }
      EmbeddedServer server = EmbeddedServer.start("real".equals(pace) ? NarratorPacing.DEFAULT : EmbeddedServer.TEST_PACING);
      try {
        return new Target(ServerHandle.connect(server.baseUrl(), null), server);
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    }

    @Override
    public void close() {
      handle.close();
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
