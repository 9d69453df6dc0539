package dev.scrying.scenarios.format;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A loaded, validated scenario file: who plays, what they do, what must hold. Immutable; produced only
 * by {@link ScenarioLoader}, so every reference in it (players, metrics, regexes) is known to be valid.
 */
public record Scenario(String name, String description, String experience, List<PlayerSpec> players,
    List<Step> steps, List<Budget> budgets, Path source) {

  public Scenario {
    players = List.copyOf(players);
    steps = List.copyOf(steps);
    budgets = List.copyOf(budgets);
  }

  public Optional<PlayerSpec> player(String id) {
    return players.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The file name without directories, for reports. */
  public String fileName() {
    return source.getFileName() == null ? source.toString() : source.getFileName().toString();
  }
}
