package dev.scrying.console.model.scenario;

/** One step of the loaded scenario as the panel lists it, with its verdict once it ran. */
public record StepRow(int index, String title, String kind, String player, int line, Status status, double durationMs,
    int passed, int failed) {

  /** Where the step is. */
  public enum Status { PENDING, RUNNING, PASSED, FAILED, SKIPPED }

  public StepRow with(Status s, double ms, int ok, int bad) {
    return new StepRow(index, title, kind, player, line, s, ms, ok, bad);
  }
}
