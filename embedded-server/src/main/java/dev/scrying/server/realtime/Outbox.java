package dev.scrying.server.realtime;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * One connection's ordered, bounded queue of frames. Frames are written one at a time, in the order
 * offered, by a task on a shared executor, so a slow client never holds up anyone else and nothing
 * interleaves. When more than {@code limit} frames wait, the queue is dropped and the owner is told
 * to resync the client instead of growing without bound.
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
      if (closed) {
        return false;
      }
      if (queue.size() >= limit) {
        queue.clear();
        overflow = true;
      } else {
        queue.add(frame);
        if (!scheduled) {
          scheduled = true;
          executor.execute(this::drain);
        }
      }
    }
    if (overflow) {
      onOverflow.run();
      return false;
    }
    return true;
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
