package dev.scrying.scenarios.run;

import dev.scrying.scenarios.client.Latencies;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one run of one scenario produced: each step's result, the final checks (version chains,
 * convergence, setup), the latency budgets, the latency summary, and how the run ended. Immutable,
 * except that {@code samples} is a private copy of the run's histograms, kept so that reports can merge
 * several runs; never record into it.
 */
public record ScenarioResult(String name, Path source, List<StepResult> steps, List<AssertionResult> finalChecks,
    List<AssertionResult> budgets, LatencySummary latency, Latencies samples, long startedAtMillis,
    long durationMillis, RunState endState) {

  public ScenarioResult {
    steps = List.copyOf(steps);
    finalChecks = List.copyOf(finalChecks);
    budgets = List.copyOf(budgets);
  }

  /** True when the run finished, no step failed, and every final check and budget held. */
  public boolean passed() {
    return endState == RunState.FINISHED
        && steps.stream().noneMatch(s -> s.status() == StepStatus.FAILED)
        && finalChecks.stream().allMatch(AssertionResult::passed)
        && budgets.stream().allMatch(AssertionResult::passed);
  }

  public long count(StepStatus status) {
    return steps.stream().filter(s -> s.status() == status).count();
  }

  public String fileName() {
    return source.getFileName() == null ? source.toString() : source.getFileName().toString();
  }
}
