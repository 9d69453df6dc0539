package dev.scrying.scenarios.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The few fields of a server frame the bench measures with, read by streaming past everything else
 * (the changes above all): a thousand bench clients share the server's two cores, so each frame should
 * cost them as little as possible. Nested fields are keyed by path, e.g. {@code metadata.trace.received}.
 */
final class FrameFields {
  private static final JsonFactory FACTORY = new JsonFactory();

  private FrameFields() {}

  /** Scalar fields at the top level, in {@code metadata} and in {@code metadata.trace}, as text. */
  static Map<String, String> read(String frame) {
    Map<String, String> out = new HashMap<>();
    try (JsonParser p = FACTORY.createParser(frame)) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        object(p, "", out);
      }
    } catch (IOException e) {
      out.put("type", "unreadable");
    }
    return out;
  }

  private static void object(JsonParser p, String prefix, Map<String, String> out) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = prefix + p.currentName();
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_OBJECT && (name.equals("metadata") || name.equals("metadata.trace"))) {
        object(p, name + ".", out);
      } else if (t.isStructStart()) {
        p.skipChildren();
      } else {
        out.put(name, p.getText());
      }
    }
  }

  static long number(Map<String, String> f, String name) {
    String v = f.get(name);
    try {
      return v == null ? 0 : Long.parseLong(v);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
