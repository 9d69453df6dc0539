package dev.scrying.experiences.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates one content document against its bundled JSON Schema (draft 2020-12). Thread-safe. */
final class SchemaCheck {
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private SchemaCheck() {}

  /** Throws a {@link ContentException} naming the file, the JSON path and the reason of the first error. */
  static void validate(String schemaName, String file, JsonNode document) {
    List<Error> errors = schema(schemaName).validate(document);
    if (!errors.isEmpty()) {
      Error first = errors.get(0);
      String path = first.getInstanceLocation() == null ? "" : first.getInstanceLocation().toString();
      throw new ContentException(file, path, first.getMessage());
    }
  }

  private static Schema schema(String name) {
    return SCHEMAS.computeIfAbsent(name, n -> {
      String resource = "/schema/" + n;
      try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("schema missing from the build: " + resource);
        }
        return REGISTRY.getSchema(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
