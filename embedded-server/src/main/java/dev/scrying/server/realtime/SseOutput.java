package dev.scrying.server.realtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent-events response written by exactly one thread (the request's own), from a bounded
 * queue that any thread may fill. One writer means frames never interleave; the bound means a slow
 * client cannot make the server's memory grow.
 */
final class SseOutput {
  static final String END = "\u0000end";
  /** Room kept above the bound for the last frames and the end marker, so a full queue still ends. */
  private static final int RESERVED = 8;
  private final BlockingQueue<String> queue;
  private final int capacity;
  private final OutputStream out;
  private volatile boolean ended;

  SseOutput(OutputStream out, int capacity) {
    this.out = out;
    this.capacity = capacity;
    this.queue = new LinkedBlockingQueue<>(capacity + RESERVED);
  }

  /** Queues a complete frame; false when the queue is full (the caller resyncs) or the stream ended. */
  synchronized boolean offer(String frame) {
    return !ended && queue.size() < capacity && queue.offer(frame);
  }

  /**
   * Empties a full queue so that a fresh snapshot can follow; false, and nothing dropped, once the stream
   * has ended: its last frames and end marker must stay, or the writer would wait on an empty queue.
   */
  synchronized boolean clearIfOpen() {
    if (ended) {
      return false;
    }
    queue.clear();
    return true;
  }

  /**
   * Queues the last frames and ends the stream in one step, so no frame another thread offers (a
   * forwarded world update) can land between them and the end: nothing follows a chat's {@code done}.
   */
  synchronized void endWith(String... last) {
    if (ended) {
      return;
    }
    for (String frame : last) {
      queue.offer(frame);
    }
    ended = true;
    queue.offer(END);
  }

  /** Endless: ends the loop at once, dropping what is queued (a cut connection). */
  synchronized void abort() {
    ended = true;
    queue.clear();
    queue.offer(END);
  }

  /**
   * Ends the loop after one last frame, dropping what is queued: a restarting server's streams say why they
   * end, and what they drop the client gets again when it resumes with its Last-Event-ID.
   */
  synchronized void finish(String last) {
    ended = true;
    queue.clear();
    queue.offer(last);
    queue.offer(END);
  }

  /** A comment, and the reconnection delay a browser {@code EventSource} should use after this stream. */
  static String restart(long retryMillis) {
    return ": server restarting\nretry: " + retryMillis + "\n\n";
  }

  static String data(String json) {
    return "data: " + json + "\n\n";
  }

  /** An event without an id, so it never moves the client's Last-Event-ID (errors). */
  static String event(String type, String json) {
    return "event: " + type + "\ndata: " + json + "\n\n";
  }

  static String event(long id, String type, String json) {
    return "id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n";
  }

  /**
   * Completes the response (the last chunk) on this thread: otherwise it would be written after the
   * handler returns, and a stopping server may close the connection first, which the client sees as a
   * broken stream instead of a clean end.
   */
  void complete() {
    try {
      out.close();
    } catch (IOException e) {
      // The client is gone already: nothing to complete.
    }
  }

  /** Writes frames until {@link #endWith} or a write failure (the client went away); returns how it ended. */
  boolean pump(long maxMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      String frame = queue.poll(Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
      if (frame == null) {
        continue;
      }
      if (frame == END) {
        return true;
      }
      try {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        if (queue.isEmpty()) {
          out.flush();
        }
      } catch (IOException e) {
        ended = true;
        return false;
      }
    }
  }
}
