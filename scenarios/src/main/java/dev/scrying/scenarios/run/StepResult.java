package dev.scrying.scenarios.run;

import dev.scrying.scenarios.client.Frame;
import java.util.List;

/**
 * What happened in one step: its verdict, every assertion, every frame any player sent or received
 * while it ran, and when. Immutable.
 *
 * @param index 0-based position in the scenario
 * @param line the line of the step in its file
 */
public record StepResult(int index, String name, String kind, String player, int line, StepStatus status,
    List<AssertionResult> assertions, List<Frame> frames, long startedAtMicros, long durationMicros) {

  public StepResult {
    assertions = List.copyOf(assertions);
    frames = List.copyOf(frames);
  }

  public static StepResult skipped(int index, String name, String kind, String player, int line) {
    return new StepResult(index, name, kind, player, line, StepStatus.SKIPPED, List.of(), List.of(), 0, 0);
  }

  public List<AssertionResult> failures() {
    return assertions.stream().filter(a -> !a.passed()).toList();
  }

  public double durationMillis() {
    return durationMicros / 1000.0;
  }
}
