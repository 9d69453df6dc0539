package dev.scrying.console.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server hops of recent actions by trace id, so an event seen later (a NATS message, a frame at a
 * player) can say how long after the action it arrived. Bounded; thread-safe.
 */
public final class TraceBook {
  private static final int CAPACITY = 5_000;

  private final Map<String, Map<String, Long>> hops = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Map<String, Long>> eldest) {
      return size() > CAPACITY;
    }
  };

  public synchronized void remember(String traceId, Map<String, Long> traceHops) {
    if (traceId != null && !traceHops.isEmpty()) {
      hops.merge(traceId, Map.copyOf(traceHops), TraceBook::merged);
    }
  }

  public synchronized Optional<Map<String, Long>> find(String traceId) {
    return Optional.ofNullable(traceId == null ? null : hops.get(traceId));
  }

  /** When the server received the action, in epoch microseconds. */
  public Optional<Long> receivedAt(String traceId) {
    return find(traceId).map(h -> h.get("received"));
  }

  private static Map<String, Long> merged(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> m = new LinkedHashMap<>(a);
    b.forEach(m::putIfAbsent);
    return Map.copyOf(m);
  }
}
