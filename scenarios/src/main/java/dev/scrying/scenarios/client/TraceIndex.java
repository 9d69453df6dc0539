package dev.scrying.scenarios.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The most recent {@code world_update} frames a player received, by trace id, so that an
 * {@code action_response} (which carries the same trace id) can find the delta that preceded it.
 * Bounded; thread-safe.
 */
final class TraceIndex {
  private static final int CAPACITY = 512;

  /** A received world update and when it arrived. */
  record Received(JsonNode worldUpdate, long epochMicros) {}

  private final Map<String, Received> byTrace = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Received> eldest) {
      return size() > CAPACITY;
    }
  };

  synchronized void add(JsonNode worldUpdate, long epochMicros) {
    String trace = worldUpdate.path("metadata").path("trace_id").asText("");
    if (!trace.isEmpty()) {
      byTrace.putIfAbsent(trace, new Received(worldUpdate, epochMicros));
    }
  }

  synchronized Optional<Received> find(String traceId) {
    return Optional.ofNullable(traceId == null ? null : byTrace.get(traceId));
  }
}
