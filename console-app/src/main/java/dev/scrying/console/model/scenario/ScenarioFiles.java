package dev.scrying.console.model.scenario;

import dev.scrying.scenarios.format.Scenario;
import dev.scrying.scenarios.format.ScenarioFormatException;
import dev.scrying.scenarios.format.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds scenario files and reads their headline, turning load errors into a line the panel can show. */
public final class ScenarioFiles {
  private ScenarioFiles() {}

  /** Where the console looks first: {@code -Dscrying.scenarios}, else ./scenarios, else ~/.scrying/scenarios. */
  public static Path defaultFolder() {
    String configured = System.getProperty("scrying.scenarios");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path here = Path.of("scenarios");
    return Files.isDirectory(here) ? here.toAbsolutePath() : Path.of(System.getProperty("user.home"), ".scrying", "scenarios");
  }

  public static List<ScenarioFile> list(Path folder) {
    List<ScenarioFile> out = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().forEach(f -> out.add(read(f)));
    } catch (IOException e) {
      // An unreadable folder lists as empty; the panel says where it looked.
    }
    return out;
  }

  public static ScenarioFile read(Path file) {
    try {
      Scenario s = ScenarioLoader.load(file);
      return new ScenarioFile(file, s.name(), s.description() == null ? "" : s.description().strip(), s.steps().size(), "");
    } catch (ScenarioFormatException e) {
      return new ScenarioFile(file, file.getFileName().toString(), "", 0, e.getMessage());
    } catch (RuntimeException e) {
      return new ScenarioFile(file, file.getFileName().toString(), "", 0, "cannot read: " + e.getMessage());
    }
  }
}
