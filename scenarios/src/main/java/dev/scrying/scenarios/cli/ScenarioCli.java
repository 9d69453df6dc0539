package dev.scrying.scenarios.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless scenario tool ({@code scrying run …}): runs scenario files against a server and writes
 * JUnit XML, JSON and HTML reports. Exit codes: 0 every scenario passed, 1 a scenario failed, 2 a bad
 * file or bad arguments, 3 no server (cannot start or reach one).
 */
@Command(name = "scenarios", mixinStandardHelpOptions = true, version = "scrying scenarios 0.1",
    description = "Runs Scrying scenario files headless.", subcommands = {RunCommand.class, CheckCommand.class})
public final class ScenarioCli {
  public static final int PASSED = 0;
  public static final int FAILED = 1;
  public static final int BAD_INPUT = 2;
  public static final int NO_SERVER = 3;

  private ScenarioCli() {}

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (for tests and embedding). */
  public static int execute(String... args) {
    // picocli answers bad arguments with exit code 2 (= BAD_INPUT) on its own.
    CommandLine cli = new CommandLine(new ScenarioCli());
    return cli.execute(args);
  }
}
