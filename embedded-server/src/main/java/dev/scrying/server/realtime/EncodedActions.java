package dev.scrying.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON of recent actions' changes and metadata (with the trace as published), encoded once by the
 * publisher. Every recipient of an action shares those nodes, so any path that sends one of its events
 * (the NATS copy, the actor's answer, a gap fill, a re-based copy, SSE) only assembles a frame around
 * them: fan-out does no JSON work per recipient, and memory grows with actions, not recipients. Bounded
 * by count; a forgotten action is encoded again on demand. One writer thread; lookups from any thread.
 */
final class EncodedActions {
  private record Key(String experience, long version) {
    // Mixed: the record default (31 * h + version) sends consecutive versions to neighbouring buckets only.
    @Override
    public int hashCode() {
      long h = (experience.hashCode() + version * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
      return (int) (h ^ (h >>> 32));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.version == version && k.experience.equals(experience);
    }
  }

  /** One action's texts; immutable once put (published through the concurrent map). */
  private record Texts(JsonNode metadataNode, String metadata, Map<JsonNode, String> changes) {}

  private final ConcurrentHashMap<Key, Texts> texts;
  private final Key[] ring;
  private int next;

  EncodedActions(int capacity) {
    this.texts = new ConcurrentHashMap<>(capacity * 2);
    this.ring = new Key[capacity];
  }

  /**
   * Encodes the changes and metadata of one action's events, remembers them, and returns each event's
   * frame in order. The publisher's thread only.
   */
  String[] encode(List<WorldUpdateEvent> events, String trace) {
    String[] frames = new String[events.size()];
    if (frames.length == 0) {
      return frames;
    }
    WorldUpdateEvent first = events.get(0);
    String metadata = WireEncoding.metadata(first.metadata(), trace);
    Map<JsonNode, String> changes = new IdentityHashMap<>();
    for (int i = 0; i < frames.length; i++) {
      WorldUpdateEvent e = events.get(i);
      String meta = e.metadata() == first.metadata() ? metadata : WireEncoding.metadata(e.metadata(), trace);
      frames[i] = WireEncoding.frame(e, changes.computeIfAbsent(e.changes(), Json::write), meta);
    }
    remember(new Key(first.experience(), first.snapshotVersion()), new Texts(first.metadata(), metadata, changes));
    return frames;
  }

  /** The frame of {@code e}, assembled from its action's texts, or null if they are not remembered. */
  String frameOf(WorldUpdateEvent e) {
    Texts t = texts.get(new Key(e.experience(), e.snapshotVersion()));
    if (t == null || t.metadataNode() != e.metadata()) {
      return null;
    }
    String changes = t.changes().get(e.changes());
    return changes == null ? null : WireEncoding.frame(e, changes, t.metadata());
  }

  private void remember(Key key, Texts value) {
    Key evicted = ring[next];
    if (evicted != null) {
      texts.remove(evicted);
    }
    ring[next] = key;
    next = (next + 1) % ring.length;
    texts.put(key, value);
  }
}
