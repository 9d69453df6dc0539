package dev.scrying.console.model.stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scrying.experiences.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the stream needs from a {@code world_update} message, read with a streaming parser that skips
 * item bodies: at thousands of messages a second, building a full JSON tree for each would be most of
 * the console's garbage. {@code changes} are one-line descriptions as {@code ChangeSummary} writes them.
 */
record UpdateDigest(String type, long baseVersion, long snapshotVersion, String traceId, List<String> changes) {

  static UpdateDigest of(String json) {
    try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new UpdateDigest("message", 0, 0, null, List.of());
      }
      Builder b = new Builder();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "type" -> b.type = p.getText();
          case "base_version" -> b.base = p.getValueAsLong();
          case "snapshot_version" -> b.snapshot = p.getValueAsLong();
          case "metadata" -> b.traceId = traceId(p);
          case "changes" -> changes(p, b.changes);
          default -> p.skipChildren();
        }
      }
      return new UpdateDigest(b.type, b.base, b.snapshot, b.traceId, b.changes);
    } catch (IOException | RuntimeException e) {
      return new UpdateDigest("message", 0, 0, null, List.of());
    }
  }

  String summary() {
    return "v" + baseVersion + "→v" + snapshotVersion + " · " + ChangeLine.join(changes);
  }

  private static String traceId(JsonParser p) throws IOException {
    String id = null;
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (name.equals("trace_id") && p.currentToken() == JsonToken.VALUE_STRING) {
        id = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return id;
  }

  private static void changes(JsonParser p, List<String> out) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      ChangeLine c = new ChangeLine();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (t.isScalarValue()) {
          c.set(name, t == JsonToken.VALUE_NULL ? null : p.getText());
        } else {
          p.skipChildren();
        }
      }
      out.add(c.text());
    }
  }

  private static final class Builder {
    String type = "message";
    long base;
    long snapshot;
    String traceId;
    final List<String> changes = new ArrayList<>();
  }
}
