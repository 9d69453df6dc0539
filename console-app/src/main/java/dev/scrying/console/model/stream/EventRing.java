package dev.scrying.console.model.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The newest {@code capacity} events, oldest first; adding beyond capacity evicts the oldest. UI thread only. */
final class EventRing {
  private final int capacity;
  private final ArrayDeque<StreamEvent> events;

  EventRing(int capacity) {
    this.capacity = capacity;
    this.events = new ArrayDeque<>(Math.min(capacity, 4096));
  }

  /** Adds {@code e}; returns the event it evicted, or null. */
  StreamEvent add(StreamEvent e) {
    events.addLast(e);
    return events.size() > capacity ? events.pollFirst() : null;
  }

  List<StreamEvent> matching(StreamFilter filter) {
    List<StreamEvent> out = new ArrayList<>();
    for (StreamEvent e : events) {
      if (filter.matches(e)) {
        out.add(e);
      }
    }
    return out;
  }

  int size() {
    return events.size();
  }

  int capacity() {
    return capacity;
  }

  void clear() {
    events.clear();
  }
}
