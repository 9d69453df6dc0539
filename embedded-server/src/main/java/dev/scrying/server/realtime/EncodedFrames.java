package dev.scrying.server.realtime;

import dev.scrying.experiences.protocol.WorldUpdateEvent;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wire text of recent events as the publisher sent them, so fan-out to a zone encodes nothing per
 * recipient (the NATS copy, the actor's answer, a gap fill and SSE all reuse it). Bounded by count: a
 * forgotten text is encoded again on demand. One writer thread ({@link #put}); lookups from any thread.
 */
final class EncodedFrames {
  record Key(String experience, String userId, long version) {
    /**
     * Mixed, unlike the record default: similar user ids ("guest12", "guest13") at nearby versions would
     * otherwise collide by the thousand and turn every map operation into a list walk.
     */
    @Override
    public int hashCode() {
      long h = (experience.hashCode() * 31L + userId.hashCode()) * 0x9E3779B97F4A7C15L + version;
      h *= 0xBF58476D1CE4E5B9L;
      return (int) (h ^ (h >>> 32));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.version == version && k.userId.equals(userId) && k.experience.equals(experience);
    }
  }

  /** Only the text and the base it was encoded at: holding the event would keep its changes alive too. */
  private record Frame(long baseVersion, String text) {}

  private final Remembered<Frame> texts;

  EncodedFrames(int capacity) {
    this.texts = new Remembered<>(capacity);
  }

  /** Remembers {@code text} as the frame of {@code e}; the publisher's thread only. */
  void put(WorldUpdateEvent e, String text) {
    texts.put(new Key(e.experience(), e.userId(), e.snapshotVersion()), new Frame(e.baseVersion(), text));
  }

  /**
   * The text published for this event, or null if it is not remembered or {@code e} is a re-based copy.
   * A player's chain has one event per version, so experience, player, base and version identify it.
   */
  String textOf(WorldUpdateEvent e) {
    Frame f = texts.get(new Key(e.experience(), e.userId(), e.snapshotVersion()));
    return f != null && f.baseVersion() == e.baseVersion() ? f.text() : null;
  }

  /** The newest {@code capacity} values by key: a map plus a ring of its keys in insertion order. */
  private static final class Remembered<V> {
    private final ConcurrentHashMap<Key, V> map;
    private final Key[] ring;
    private int next;

    Remembered(int capacity) {
      this.map = new ConcurrentHashMap<>(capacity * 2);
      this.ring = new Key[capacity];
    }

    void put(Key key, V value) {
      Key evicted = ring[next];
      if (evicted != null) {
        map.remove(evicted);
      }
      ring[next] = key;
      next = (next + 1) % ring.length;
      map.put(key, value);
    }

    V get(Key key) {
      return map.get(key);
    }
  }
}
