package dev.scrying.scenarios.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * One predicate on a JSON value, as written in a state, response, status or wait check
 * ({@code equals: 4}, {@code length: 0}, {@code contains: bottle_joy}). Immutable; {@link #test} is pure.
 * {@code contains} on an array holds when an element equals the value, or, for a string value, when an
 * element is an object whose {@code instance_id} or {@code id} is that string (so a list of items
 * "contains" an item id); on a string it is a substring test.
 */
public record ValueCheck(Kind kind, JsonNode expected) {
  /** The predicates, with their file names. */
  public enum Kind {
    EQUALS("equals"), NOT_EQUALS("not_equals"), CONTAINS("contains"), NOT_CONTAINS("not_contains"),
    LENGTH("length"), EXISTS("exists"), MATCHES("matches"), AT_LEAST("at_least"), AT_MOST("at_most");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    static Kind byKey(String key) {
      for (Kind k : values()) {
        if (k.key.equals(key)) {
          return k;
        }
      }
      return null;
    }
  }

  public boolean test(JsonNode actual) {
    return switch (kind) {
      case EQUALS -> sameValue(actual, expected);
      case NOT_EQUALS -> !sameValue(actual, expected);
      case CONTAINS -> contains(actual, expected);
      case NOT_CONTAINS -> !actual.isMissingNode() && !contains(actual, expected);
      case LENGTH -> (actual.isContainerNode() ? actual.size() : actual.isTextual() ? actual.asText().length() : -1)
          == expected.asInt();
      case EXISTS -> expected.asBoolean() != (actual.isMissingNode() || actual.isNull());
      case MATCHES -> actual.isValueNode() && Pattern.compile(expected.asText()).matcher(actual.asText()).find();
      case AT_LEAST -> actual.isNumber() && actual.asDouble() >= expected.asDouble();
      case AT_MOST -> actual.isNumber() && actual.asDouble() <= expected.asDouble();
    };
  }

  public String describe() {
    return kind.key() + " " + expected;
  }

  /** Numbers compare by value (4 equals 4.0); everything else structurally. */
  private static boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static boolean contains(JsonNode actual, JsonNode expected) {
    if (actual.isTextual()) {
      return actual.asText().contains(expected.asText());
    }
    if (actual.isObject() && expected.isTextual()) {
      return actual.has(expected.asText());
    }
    if (!actual.isArray()) {
      return false;
    }
    for (Iterator<JsonNode> it = actual.elements(); it.hasNext(); ) {
      JsonNode e = it.next();
      if (sameValue(e, expected) || (expected.isTextual() && e.isObject()
          && (expected.asText().equals(e.path("instance_id").asText(null)) || expected.asText().equals(e.path("id").asText(null))))) {
        return true;
      }
    }
    return false;
  }
}
