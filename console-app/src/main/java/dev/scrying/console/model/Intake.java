package dev.scrying.console.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded hand-off buffer from network threads to the UI thread. When the UI falls behind by more
 * than {@code capacity} items the oldest are dropped and counted, so memory stays bounded whatever
 * the rate. Thread-safe; a short lock per call is cheap next to the work behind each item.
 */
public final class Intake<T> {
  private final int capacity;
  private ArrayDeque<T> items = new ArrayDeque<>();
  private long dropped;

  public Intake(int capacity) {
    this.capacity = capacity;
  }

  /** Adds {@code item}; returns true when the buffer was empty, i.e. a drain must be scheduled. */
  public synchronized boolean offer(T item) {
    boolean wasEmpty = items.isEmpty();
    items.addLast(item);
    if (items.size() > capacity) {
      items.pollFirst();
      dropped++;
    }
    return wasEmpty;
  }

  /** Everything offered since the last drain, oldest first. */
  public List<T> drain() {
    ArrayDeque<T> taken;
    synchronized (this) {
      taken = items;
      items = new ArrayDeque<>();
    }
    return new ArrayList<>(taken);
  }

  /** How many items were dropped because the UI fell behind, since this intake was made. */
  public synchronized long dropped() {
    return dropped;
  }
}
