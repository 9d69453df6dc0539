package dev.scrying.scenarios.run;

import dev.scrying.scenarios.client.Direction;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every frame of every player of a run, in arrival order, each tagged with a sequence number and the
 * step that was running. Waiting threads can sleep until a newer frame arrives. Thread-safe: network
 * threads append, the runner reads.
 */
final class FrameLog {
  /** One logged frame. */
  record Entry(long seq, int step, Frame frame) {}

  private final List<Entry> entries = new ArrayList<>();

  synchronized Entry append(int step, Frame frame) {
    Entry e = new Entry(entries.size(), step, frame);
    entries.add(e);
    notifyAll();
    return e;
  }

  /** The sequence number the next frame will get. */
  synchronized long mark() {
    return entries.size();
  }

  synchronized List<Frame> framesBetween(long from, long to) {
    List<Frame> out = new ArrayList<>();
    for (long i = Math.max(0, from); i < Math.min(to, entries.size()); i++) {
      out.add(entries.get((int) i).frame());
    }
    return out;
  }

  /** Incoming frames of {@code userId} since {@code from} (on {@code transport} when not null). */
  synchronized List<Frame> received(String userId, long from, Transport transport) {
    return select(from, f -> f.direction() == Direction.IN && f.userId().equals(userId)
        && (transport == null || f.transport() == transport));
  }

  synchronized List<Frame> select(long from, Predicate<Frame> which) {
    List<Frame> out = new ArrayList<>();
    for (long i = Math.max(0, from); i < entries.size(); i++) {
      Frame f = entries.get((int) i).frame();
      if (which.test(f)) {
        out.add(f);
      }
    }
    return out;
  }

  /** Waits until a frame with a sequence number of at least {@code seq} exists, or the timeout passes. */
  synchronized boolean awaitFrame(long seq, long timeoutNanos) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    while (entries.size() <= seq) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(left / 1_000_000, (int) (left % 1_000_000));
    }
    return true;
  }
}
