package dev.scrying.scenarios.format;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Validates a scenario tree against {@code scenario.schema.json} (draft 2020-12) and turns the most
 * useful error into a file/line/reason. Thread-safe (the compiled schema is immutable).
 */
final class SchemaValidation {
  static final String RESOURCE = "/dev/scrying/scenarios/format/scenario.schema.json";
  private static final Set<String> VAGUE = Set.of("anyOf", "oneOf", "allOf", "not", "if", "then", "dependentSchemas");
  private static final Schema SCHEMA = load();

  private SchemaValidation() {}

  static void check(LocatedDocument doc) throws ScenarioFormatException {
    List<Error> errors = SCHEMA.validate(doc.root());
    if (errors.isEmpty()) {
      return;
    }
    Error best = errors.stream().min(Comparator
        .comparingInt((Error e) -> VAGUE.contains(e.getKeyword()) ? 1 : 0)
        .thenComparing(e -> -depth(e))).orElseThrow();
    String pointer = pointer(best.getInstanceLocation());
    if (best.getProperty() != null && !"required".equals(best.getKeyword())) {
      // additionalProperties, propertyNames: the line of the offending key itself.
      pointer = LocatedDocument.child(pointer, best.getProperty());
    }
    throw doc.error(pointer, reason(best, pointer));
  }

  private static String reason(Error e, String pointer) {
    String where = pointer.isEmpty() ? "the file" : "'" + readable(pointer) + "'";
    return switch (e.getKeyword()) {
      case "additionalProperties" -> "unknown key '" + e.getProperty() + "' (see scenario.schema.json for the allowed keys)";
      case "required" -> where + " needs '" + e.getProperty() + "'";
      default -> where + ": " + stripLocation(e.getMessage()) + hint(e);
    };
  }

  /** The description of the schema definition the error came from, when it has one (durations, selections). */
  private static String hint(Error e) {
    String location = String.valueOf(e.getSchemaLocation());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("#/\\$defs/([A-Za-z]+)").matcher(location);
    if (!m.find()) {
      return "";
    }
    String description = SCHEMA.getSchemaNode().path("$defs").path(m.group(1)).path("description").asText("");
    return description.isEmpty() ? "" : " (" + description + ")";
  }

  /** networknt prefixes some messages with the instance path; the line already says where. */
  private static String stripLocation(String message) {
    return message.replaceFirst("^\\$[^:]*: ", "");
  }

  private static int depth(Error e) {
    return e.getInstanceLocation() == null ? 0 : e.getInstanceLocation().getNameCount();
  }

  static String pointer(NodePath path) {
    if (path == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      sb.append(element instanceof Integer n ? LocatedDocument.child("", n) : LocatedDocument.child("", String.valueOf(element)));
    }
    return sb.toString();
  }

  /** {@code /steps/3/expect} as {@code steps[3].expect}. */
  static String readable(String pointer) {
    return pointer.substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.').replace(".[", "[");
  }

  private static Schema load() {
    try (InputStream in = SchemaValidation.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema missing from the build: " + RESOURCE);
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
