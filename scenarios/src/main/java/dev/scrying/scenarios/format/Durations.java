package dev.scrying.scenarios.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as scenario files write them: a number of milliseconds, or {@code 500ms}, {@code 5s}, {@code 1.5m}. */
public final class Durations {
  private static final Pattern TEXT = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)(ms|s|m)$");

  private Durations() {}

  static Duration parse(JsonNode n) {
    if (n.isIntegralNumber()) {
      return Duration.ofMillis(n.asLong());
    }
    Matcher m = TEXT.matcher(n.asText().strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration: " + n.asText());
    }
    double value = Double.parseDouble(m.group(1));
    double millis = switch (m.group(2)) {
      case "ms" -> value;
      case "s" -> value * 1_000;
      default -> value * 60_000;
    };
    return Duration.ofMillis(Math.round(millis));
  }

  /** {@code 500ms}, {@code 5s}, {@code 1.5s}: the form files use. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms < 1000 ? ms + "ms" : (ms / 1000.0) + "s";
  }
}
