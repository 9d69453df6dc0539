package dev.scrying.scenarios.run;

/** Where a {@link ScenarioRunner} is. */
public enum RunState {
  /** Created; nothing connected yet. */
  READY,
  /** Executing steps. */
  RUNNING,
  /** Waiting between steps for {@code resume()} or {@code step()}. */
  PAUSED,
  /** Every step ran and the final checks are done. */
  FINISHED,
  /** Stopped before the end; the remaining steps are skipped. */
  STOPPED
}
