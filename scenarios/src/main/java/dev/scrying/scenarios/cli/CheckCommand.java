package dev.scrying.scenarios.cli;

import dev.scrying.scenarios.format.ScenarioFormatException;
import dev.scrying.scenarios.format.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code check <files…>}: validates scenario files without running them; lists every bad file. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Validates scenario files (no server needed).")
final class CheckCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (*.yaml).")
  List<Path> files;

  @Override
  public Integer call() {
    List<ScenarioFormatException> problems = ScenarioLoader.problems(files);
    problems.forEach(p -> System.err.println(p.getMessage()));
    System.out.println(files.size() - problems.size() + " of " + files.size() + " file(s) valid");
    return problems.isEmpty() ? ScenarioCli.PASSED : ScenarioCli.BAD_INPUT;
  }
}
