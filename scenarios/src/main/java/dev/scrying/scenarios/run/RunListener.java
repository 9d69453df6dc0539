package dev.scrying.scenarios.run;

import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.format.Scenario;
import dev.scrying.scenarios.format.Step;

/**
 * Observes a {@link ScenarioRunner}: state changes, steps starting and finishing, each assertion as it
 * is decided, and every frame of every player tagged with the step it arrived in. All callbacks but
 * {@link #frame} run on the runner's thread, in order; {@code frame} runs on network threads,
 * concurrently with the others. Implementations must return quickly and never block the caller; a UI
 * hands the data to its own thread (the runner knows nothing about any UI toolkit). Exceptions
 * thrown by a listener are logged and ignored.
 */
public interface RunListener {
  default void stateChanged(RunState state) {}

  default void scenarioStarted(Scenario scenario) {}

  default void stepStarted(int index, Step step) {}

  /** A frame in or out; {@code stepIndex} is -1 while players connect, before the first step. */
  default void frame(int stepIndex, Frame frame) {}

  /** One decided assertion; {@code stepIndex} is -1 for the final checks and budgets. */
  default void assertion(int stepIndex, AssertionResult result) {}

  default void stepFinished(StepResult result) {}

  default void scenarioFinished(ScenarioResult result) {}
}
