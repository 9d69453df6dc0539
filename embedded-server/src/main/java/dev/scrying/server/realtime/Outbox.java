package dev.scrying.server.realtime;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * One connection's ordered, bounded queue of frames. Frames are written one at a time, in the order
 * offered, by a task on a shared executor, so a slow client never holds up anyone else and nothing
 * interleaves. When more than {@code limit} frames wait, the queue is dropped and the owner is told
 * to resync the client instead of growing without bound; until the owner offers that fresh snapshot
 * ({@link #offerSnapshot}), every other frame is dropped too, so no event can reach the client between
 * the frames it lost and the snapshot that replaces them (which would look like a gap).
 */
final class Outbox {
  /** Writes one frame, blocking until it is handed to the network; throws if the client is gone. */
  interface Sink {
    void write(String frame) throws Exception;
  }

  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private final Executor executor;
  private final Sink sink;
  private final int limit;
  private final Runnable onOverflow;
  private final Runnable onFailure;
  private boolean scheduled;
  private boolean closed;
  private boolean dropping;

  Outbox(Executor executor, Sink sink, int limit, Runnable onOverflow, Runnable onFailure) {
    this.executor = executor;
    this.sink = sink;
    this.limit = limit;
    this.onOverflow = onOverflow;
    this.onFailure = onFailure;
  }

  /** Queues a frame; returns false if the outbox is closed or just overflowed (the frame was dropped). */
  boolean offer(String frame) {
    boolean overflow = false;
    synchronized (this) {
      if (closed || dropping) {
        return false;
      }
      if (queue.size() >= limit) {
        queue.clear();
        dropping = true;
        overflow = true;
      } else {
        enqueue(frame);
      }
    }
    if (overflow) {
      onOverflow.run();
      return false;
    }
    return true;
  }

  /** Queues a snapshot that makes the client whole again; it ends the dropping that follows an overflow. */
  synchronized boolean offerSnapshot(String frame) {
    if (closed) {
      return false;
    }
    dropping = false;
    enqueue(frame);
    return true;
  }

  private void enqueue(String frame) {
    queue.add(frame);
    if (!scheduled) {
      scheduled = true;
      executor.execute(this::drain);
    }
  }

  synchronized int size() {
    return queue.size();
  }

  void close() {
    synchronized (this) {
      closed = true;
      queue.clear();
    }
  }

  private void drain() {
    while (true) {
      String frame;
      synchronized (this) {
        frame = queue.poll();
        if (frame == null || closed) {
          scheduled = false;
          return;
        }
      }
      try {
        sink.write(frame);
      } catch (Exception e) {
        close();
        onFailure.run();
        return;
      }
    }
  }
}
