package dev.scrying.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import java.util.Map;

/**
 * Writes a {@code world_update} as JSON text by hand, in the v0.4 key order, around {@code changes} and
 * {@code metadata} that may already be JSON (a zone's players share them, see {@link EncodedActions}).
 * This is the hot path of fan-out; the output equals Jackson's serialisation of the record.
 */
final class WireEncoding {
  private WireEncoding() {}

  /** The frame of {@code e}, with {@code trace} (the hops as a JSON object, see {@link #hops}) or null for none. */
  static String worldUpdate(WorldUpdateEvent e, String trace) {
    return frame(e, Json.write(e.changes()), metadata(e.metadata(), trace));
  }

  /** The metadata as JSON with {@code "trace": trace} as its last member, unless null or already there. */
  static String metadata(JsonNode metadata, String trace) {
    String json = Json.write(metadata);
    // A frame parsed back from the bus already carries its trace.
    return trace == null || metadata.has("trace") ? json : json.substring(0, json.length() - 1) + ",\"trace\":" + trace + "}";
  }

  /** The frame of {@code e} around changes and metadata that are already JSON text. */
  static String frame(WorldUpdateEvent e, String changes, String metadata) {
    StringBuilder s = new StringBuilder(changes.length() + metadata.length() + 200);
    s.append("{\"type\":\"world_update\",\"version\":\"0.4\",\"experience\":").append(quoted(e.experience()))
        .append(",\"user_id\":").append(quoted(e.userId()))
        .append(",\"base_version\":").append(e.baseVersion())
        .append(",\"snapshot_version\":").append(e.snapshotVersion())
        .append(",\"changes\":").append(changes)
        .append(",\"timestamp\":").append(e.timestamp())
        .append(",\"metadata\":").append(metadata).append('}');
    return s.toString();
  }

  /** A JSON string; ids never need escaping, so only a string that would is handed to Jackson. */
  private static String quoted(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || c > 0x7e) {
        return Json.write(id);
      }
    }
    return "\"" + id + "\"";
  }

  /** Hop names (plain identifiers) and their microsecond stamps as a JSON object, in order. */
  static String hops(Map<String, Long> hops) {
    StringBuilder s = new StringBuilder(24 * hops.size() + 2).append('{');
    hops.forEach((hop, micros) -> {
      if (s.length() > 1) {
        s.append(',');
      }
      s.append('"').append(hop).append("\":").append(micros);
    });
    return s.append('}').toString();
  }
}
