package dev.scrying.scenarios.format;

import java.util.regex.Pattern;

/** A test on a message text: contains (the default for a plain string), not_contains, equals or regex (find). */
public record TextMatch(Kind kind, String value) {
  /** How the text is matched. */
  public enum Kind { CONTAINS, NOT_CONTAINS, EQUALS, REGEX }

  public boolean test(String text) {
    String t = text == null ? "" : text;
    return switch (kind) {
      case CONTAINS -> t.contains(value);
      case NOT_CONTAINS -> !t.contains(value);
      case EQUALS -> t.equals(value);
      case REGEX -> Pattern.compile(value).matcher(t).find();
    };
  }

  public String describe() {
    return kind.name().toLowerCase() + " \"" + value + "\"";
  }
}
