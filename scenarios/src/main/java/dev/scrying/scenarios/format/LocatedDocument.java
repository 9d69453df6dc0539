package dev.scrying.scenarios.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A parsed YAML document and where each of its nodes was written, by JSON Pointer
 * ({@code /steps/3/expect}). For an object member the position is that of its key. Immutable.
 */
record LocatedDocument(String file, JsonNode root, Map<String, Position> positions) {
  /** A 1-based line and column. */
  record Position(int line, int column) {}

  LocatedDocument {
    positions = Map.copyOf(positions);
  }

  /** The position of {@code pointer}, or of its nearest written ancestor. */
  Position at(String pointer) {
    String p = pointer;
    while (true) {
      Position pos = positions.get(p);
      if (pos != null) {
        return pos;
      }
      if (p.isEmpty()) {
        return new Position(1, 1);
      }
      p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
    }
  }

  int line(String pointer) {
    return at(pointer).line();
  }

  ScenarioFormatException error(String pointer, String reason) {
    Position pos = at(pointer);
    return new ScenarioFormatException(file, pos.line(), pos.column(), reason);
  }

  static String child(String pointer, String name) {
    return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  static String child(String pointer, int index) {
    return pointer + "/" + index;
  }
}
