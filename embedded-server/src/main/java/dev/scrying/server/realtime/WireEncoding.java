package dev.scrying.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import java.util.Map;

/**
 * Writes a {@code world_update} as JSON text by hand, in the v0.4 key order, reusing the encoded
 * {@code changes} and {@code metadata} of events that share them (a zone's players see the same
 * changes). This is the hot path of fan-out; the output equals Jackson's serialisation of the record.
 */
final class WireEncoding {
  private WireEncoding() {}

  /** {@code cache} maps a shared changes/metadata node (by identity) to its JSON; pass a new one per batch. */
  static String worldUpdate(WorldUpdateEvent e, Map<JsonNode, String> cache, JsonNode trace) {
    String changes = cache.computeIfAbsent(e.changes(), Json::write);
    String metadata = cache.computeIfAbsent(e.metadata(), Json::write);
    if (trace != null) {
      metadata = metadata.substring(0, metadata.length() - 1) + ",\"trace\":" + Json.write(trace) + "}";
    }
    StringBuilder s = new StringBuilder(changes.length() + metadata.length() + 200);
    s.append("{\"type\":\"world_update\",\"version\":\"0.4\",\"experience\":").append(Json.write(e.experience()))
        .append(",\"user_id\":").append(Json.write(e.userId()))
        .append(",\"base_version\":").append(e.baseVersion())
        .append(",\"snapshot_version\":").append(e.snapshotVersion())
        .append(",\"changes\":").append(changes)
        .append(",\"timestamp\":").append(e.timestamp())
        .append(",\"metadata\":").append(metadata).append('}');
    return s.toString();
  }
}
