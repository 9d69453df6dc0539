package dev.scrying.server.bus;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process delivery: publish hands the payload to each subscriber's {@link Mailbox} on the caller's
 * thread (no I/O, never blocks) and handlers run on this bus's daemon pool. Publishes on one subject are
 * serialised, so every subscriber sees the same order. Used alone when there is no NATS and as the
 * fallback inside {@link FailoverBus}.
 */
public final class LocalBus implements EventBus, RawBus {
  private static final Logger LOG = LoggerFactory.getLogger(LocalBus.class);

  /** A sink wrapped so that two registrations of the same sink stay distinct entries. */
  private record Entry(Consumer<byte[]> sink) {
    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  private final ConcurrentHashMap<String, CopyOnWriteArrayList<Entry>> topics = new ConcurrentHashMap<>();
  private final ExecutorService delivery = Executors.newCachedThreadPool(new DaemonThreads("bus-local"));
  private final StatusFeed feed;
  private volatile boolean closed;

  public LocalBus() {
    this(BusStatus.inProcess(BusStatus.IN_PROCESS_DETAIL));
  }

  LocalBus(BusStatus status) {
    this.feed = new StatusFeed(status, "bus-local-status");
  }

  @Override
  public void publish(String subject, byte[] payload) {
    if (closed || subject == null || payload == null) {
      return;
    }
    List<Entry> entries = topics.get(subject);
    if (entries == null) {
      return;
    }
    // Copy once: NATS would have serialised it, so a caller reusing its buffer must not change what
    // subscribers see.
    byte[] copy = payload.clone();
    synchronized (entries) {
      for (Entry e : entries) {
        try {
          e.sink().accept(copy);
        } catch (RuntimeException ex) {
          LOG.warn("in-process sink for {} failed", subject, ex);
        }
      }
    }
  }

  @Override
  public BusSubscription subscribe(String subject, Consumer<byte[]> handler) {
    Subjects.requireExact(subject);
    Mailbox mailbox = new Mailbox(subject, handler, delivery, Mailbox.DEFAULT_CAPACITY);
    return new CompositeSubscription(subject, mailbox, List.of(subscribeRaw(subject, mailbox::offer)));
  }

  @Override
  public BusSubscription subscribeRaw(String subject, Consumer<byte[]> sink) {
    Subjects.requireExact(subject);
    if (closed) {
      throw new IllegalStateException("bus is closed");
    }
    Entry entry = new Entry(sink);
    topics.compute(subject, (k, list) -> {
      CopyOnWriteArrayList<Entry> l = list == null ? new CopyOnWriteArrayList<>() : list;
      l.add(entry);
      return l;
    });
    return new BusSubscription() {
      @Override
      public String subject() {
        return subject;
      }

      @Override
      public void close() {
        // Drop the topic with its last subscriber so that the map does not grow with every user ever seen.
        topics.computeIfPresent(subject, (k, list) -> {
          list.remove(entry);
          return list.isEmpty() ? null : list;
        });
      }
    };
  }

  /** Number of live subscriptions, for leak checks. */
  public int subscriptionCount() {
    return topics.values().stream().mapToInt(List::size).sum();
  }

  @Override
  public BusStatus status() {
    return feed.get();
  }

  @Override
  public void addStatusListener(Consumer<BusStatus> listener) {
    feed.add(listener);
  }

  @Override
  public void removeStatusListener(Consumer<BusStatus> listener) {
    feed.remove(listener);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    topics.clear();
    feed.close();
    delivery.shutdown();
    try {
      // A handler in the middle of a call gets a moment to finish; queued payloads are abandoned.
      if (!delivery.awaitTermination(2, TimeUnit.SECONDS)) {
        delivery.shutdownNow();
      }
    } catch (InterruptedException e) {
      delivery.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
