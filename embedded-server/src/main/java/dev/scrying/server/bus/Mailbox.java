package dev.scrying.server.bus;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered inbox of one subscription. {@link #offer} never blocks: it queues and, if no drain is
 * scheduled, schedules one on the shared executor, so at most one thread runs this handler at a time and
 * payloads arrive in offer order. The queue is bounded; when a handler falls that far behind, new
 * payloads are dropped and logged (the subscriber notices the version gap and resyncs).
 */
final class Mailbox {
  static final int DEFAULT_CAPACITY = 10_000;
  private static final int BATCH = 256;
  private static final Logger LOG = LoggerFactory.getLogger(Mailbox.class);
  private static final LogThrottle THROTTLE = new LogThrottle(30_000);

  private final String subject;
  private final Consumer<byte[]> handler;
  private final Executor executor;
  private final int capacity;
  private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closed;

  Mailbox(String subject, Consumer<byte[]> handler, Executor executor, int capacity) {
    this.subject = subject;
    this.handler = handler;
    this.executor = executor;
    this.capacity = capacity;
  }

  void offer(byte[] payload) {
    if (closed) {
      return;
    }
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      long total = dropped.incrementAndGet();
      long held = THROTTLE.admit("full " + subject);
      if (held >= 0) {
        LOG.warn("subscriber on {} is {} messages behind; dropping ({} dropped so far)", subject, capacity, total);
      }
      return;
    }
    queue.add(payload);
    schedule();
  }

  long dropped() {
    return dropped.get();
  }

  void close() {
    closed = true;
    queue.clear();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        // The bus is closing; nothing will run handlers any more.
        scheduled.set(false);
      }
    }
  }

  private void drain() {
    try {
      // A bounded batch, then back into the executor queue: one busy subject cannot hog a thread forever.
      for (int i = 0; i < BATCH && !closed; i++) {
        byte[] payload = queue.poll();
        if (payload == null) {
          break;
        }
        size.decrementAndGet();
        deliver(payload);
      }
    } finally {
      scheduled.set(false);
      // An offer that raced with the end of the loop saw scheduled == true and did not schedule.
      if (!closed && !queue.isEmpty()) {
        schedule();
      }
    }
  }

  private void deliver(byte[] payload) {
    try {
      handler.accept(payload);
    } catch (RuntimeException e) {
      long held = THROTTLE.admit("handler " + subject);
      if (held >= 0) {
        LOG.warn("a subscriber on {} failed{}; delivery continues", subject,
            held > 0 ? " (" + held + " similar failures since last report)" : "", e);
      }
    }
  }
}
