package dev.scrying.server.realtime;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection's ordered, bounded queue of frames. At most one frame is in the network's hands at a
 * time, written without blocking; whichever thread completes a write starts the next, so a slow client
 * never holds up anyone else. A frame offered to an idle outbox inside {@link #writingHere} (an answer
 * on the engine's thread, a reply on the socket's own reader) starts its write on the offering thread,
 * with no hand-off; any other offer (the bus's single dispatcher, which feeds every connection) starts
 * it on the executor, so no one thread makes every connection's writes.
 *
 * <p>When more than {@code limit} frames wait, the queue is dropped and the owner is told to resync the
 * client instead of growing without bound; until the owner offers that fresh snapshot
 * ({@link #offerSnapshot}), every other frame is dropped too, so no event can reach the client between the
 * frames it lost and the snapshot that replaces them (which would look like a gap). A write that never
 * completes is found by {@link #pendingMillis} (the owner's heartbeat), not by a blocked thread.
 */
final class Outbox {
  /** Starts writing one frame without blocking; calls {@code done} once, on any thread, possibly before returning. */
  interface Sink {
    void write(String frame, Done done);
  }

  /** The end of one write. */
  interface Done {
    void succeeded();

    void failed(Throwable cause);
  }

  private static final ThreadLocal<Boolean> WRITING_HERE = ThreadLocal.withInitial(() -> false);
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private final Executor executor;
  private final Sink sink;
  private final int limit;
  private final Runnable onOverflow;
  private final Runnable onFailure;
  private boolean writing;
  private long writeStartedNanos;
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
    boolean start;
    synchronized (this) {
      if (closed || dropping) {
        return false;
      }
      if (queue.size() >= limit) {
        queue.clear();
        dropping = true;
        overflow = true;
        start = false;
      } else {
        start = enqueue(frame);
      }
    }
    if (overflow) {
      onOverflow.run();
      return false;
    }
    if (start) {
      start();
    }
    return true;
  }

  /** Runs {@code offers} so that the writes they start begin on this thread (see the class comment). */
  static void writingHere(Runnable offers) {
    if (WRITING_HERE.get()) {
      offers.run();
      return;
    }
    WRITING_HERE.set(true);
    try {
      offers.run();
    } finally {
      WRITING_HERE.set(false);
    }
  }

  private void start() {
    if (WRITING_HERE.get()) {
      pump();
      return;
    }
    try {
      executor.execute(this::pump);
    } catch (RejectedExecutionException stopping) {
      pump();
    }
  }

  /** Queues a snapshot that makes the client whole again; it ends the dropping that follows an overflow. */
  boolean offerSnapshot(String frame) {
    boolean start;
    synchronized (this) {
      if (closed) {
        return false;
      }
      dropping = false;
      start = enqueue(frame);
    }
    if (start) {
      start();
    }
    return true;
  }

  /** Adds a frame; true if the caller must start the writing (nothing was in flight). */
  private boolean enqueue(String frame) {
    queue.add(frame);
    if (writing) {
      return false;
    }
    writing = true;
    writeStartedNanos = System.nanoTime();
    return true;
  }

  synchronized int size() {
    return queue.size();
  }

  /** How long the frame in the network's hands has been waiting to be written; 0 when none is. */
  synchronized long pendingMillis() {
    return writing ? (System.nanoTime() - writeStartedNanos) / 1_000_000 : 0;
  }

  void close() {
    synchronized (this) {
      closed = true;
      queue.clear();
    }
  }

  /**
   * Writes queued frames while each completes at once (the usual case: the socket has room); returns
   * when the queue is empty or a write is still under way, whose completion carries on from there.
   */
  private void pump() {
    while (true) {
      String frame;
      synchronized (this) {
        frame = queue.poll();
        if (frame == null || closed) {
          writing = false;
          return;
        }
        writeStartedNanos = System.nanoTime();
      }
      Write w = new Write();
      try {
        sink.write(frame, w);
      } catch (RuntimeException e) {
        w.failed(e);
      }
      if (!w.goOnHere()) {
        return;
      }
    }
  }

  private void fail() {
    close();
    synchronized (this) {
      writing = false;
    }
    onFailure.run();
  }

  /** One write's hand-over between the thread that started it and the one that completes it. */
  private final class Write implements Done {
    private static final int PENDING = 0;
    private static final int DONE_INLINE = 1;
    private static final int ASYNC = 2;
    private static final int FAILED = 3;
    private final AtomicInteger state = new AtomicInteger(PENDING);

    /** After starting the write: true if it already succeeded, so the starter writes the next frame; else its completion will. */
    boolean goOnHere() {
      return !state.compareAndSet(PENDING, ASYNC) && state.get() == DONE_INLINE;
    }

    @Override
    public void succeeded() {
      if (!state.compareAndSet(PENDING, DONE_INLINE) && state.get() == ASYNC) {
        pump();
      }
    }

    @Override
    public void failed(Throwable cause) {
      if (state.getAndSet(FAILED) != FAILED) {
        fail();
      }
    }
  }
}
