package dev.scrying.scenarios.run;

import dev.scrying.scenarios.client.Frame;
import java.util.List;

/**
 * One checked expectation: what was expected, whether it held, what was seen instead ({@code detail}),
 * the scenario line it came from (0 for implicit checks), and, for failures, the frames around it.
 * Immutable.
 */
public record AssertionResult(String description, boolean passed, String detail, int line, List<Frame> context) {
  public AssertionResult {
    context = List.copyOf(context);
  }

  public static AssertionResult pass(String description, String detail, int line) {
    return new AssertionResult(description, true, detail, line, List.of());
  }

  public static AssertionResult fail(String description, String detail, int line, List<Frame> context) {
    return new AssertionResult(description, false, detail, line, context);
  }
}
