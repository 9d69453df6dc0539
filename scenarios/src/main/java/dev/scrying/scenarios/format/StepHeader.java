package dev.scrying.scenarios.format;

import java.time.Duration;
import java.util.List;

/**
 * What every step has: a display name, the player it concerns, its timeout, its expectations and the
 * line it starts on. Immutable.
 */
public record StepHeader(String name, String player, Duration timeout, List<Expectation> expectations, int line) {
  public StepHeader {
    expectations = List.copyOf(expectations);
  }
}
