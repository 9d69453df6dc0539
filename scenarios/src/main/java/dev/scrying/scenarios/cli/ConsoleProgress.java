package dev.scrying.scenarios.cli;

import dev.scrying.scenarios.format.Scenario;
import dev.scrying.scenarios.run.AssertionResult;
import dev.scrying.scenarios.run.RunListener;
import dev.scrying.scenarios.run.ScenarioResult;
import dev.scrying.scenarios.run.StepResult;
import dev.scrying.scenarios.run.StepStatus;
import java.io.PrintStream;
import java.util.Locale;

/** Prints a run's progress as plain lines (CI logs): one per step, the failures, a verdict per scenario. */
final class ConsoleProgress implements RunListener {
  private final PrintStream out;

  ConsoleProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public void scenarioStarted(Scenario s) {
    out.println("== " + s.name() + " (" + s.source() + ")");
  }

  @Override
  public void stepFinished(StepResult s) {
    String mark = switch (s.status()) {
      case PASSED -> "PASS";
      case FAILED -> "FAIL";
      case SKIPPED -> "SKIP";
    };
    out.printf(Locale.ROOT, "  %s %2d %s (%.1f ms)%n", mark, s.index() + 1, s.name(), s.durationMillis());
    for (AssertionResult a : s.failures()) {
      out.println("         line " + a.line() + ": expected " + a.description() + "; got " + a.detail());
    }
  }

  @Override
  public void scenarioFinished(ScenarioResult r) {
    for (AssertionResult a : r.finalChecks()) {
      if (!a.passed()) {
        out.println("  FAIL final check: " + a.description() + "; got " + a.detail());
      }
    }
    for (AssertionResult a : r.budgets()) {
      out.println("  " + (a.passed() ? "PASS" : "FAIL") + " budget " + a.description() + ": " + a.detail());
    }
    out.printf(Locale.ROOT, "  %s: %d passed, %d failed, %d skipped in %.1f s%n%n", r.passed() ? "PASSED" : "FAILED",
        r.count(StepStatus.PASSED), r.count(StepStatus.FAILED), r.count(StepStatus.SKIPPED), r.durationMillis() / 1000.0);
  }
}
