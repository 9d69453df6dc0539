package dev.scrying.console.model.scenario;

import java.nio.file.Path;

/** A scenario file on disk: its name and size, or why it cannot be loaded ({@code problem} is "" when it can). */
public record ScenarioFile(Path path, String name, String description, int steps, String problem) {
  public boolean loadable() {
    return problem.isEmpty();
  }

  @Override
  public String toString() {
    return name;
  }
}
