package dev.scrying.server.bus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current {@link BusStatus} of a bus and its listeners. Changes are announced on one daemon thread in
 * the order they were set, so a listener never sees an older status after a newer one and can never stall
 * the jnats callback thread that reports connection events.
 */
final class StatusFeed {
  private static final Logger LOG = LoggerFactory.getLogger(StatusFeed.class);
  private final List<Consumer<BusStatus>> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService notifier;
  private volatile BusStatus current;

  StatusFeed(BusStatus initial, String threadName) {
    this.current = initial;
    this.notifier = Executors.newSingleThreadExecutor(new DaemonThreads(threadName));
  }

  BusStatus get() {
    return current;
  }

  /** Sets the status; listeners hear about it only if it differs from the current one. */
  synchronized void set(BusStatus next) {
    if (next.equals(current)) {
      return;
    }
    current = next;
    run(() -> listeners.forEach(l -> tell(l, next)));
  }

  /** Applies {@code change} to the current status atomically, then announces it like {@link #set}. */
  synchronized void update(UnaryOperator<BusStatus> change) {
    set(change.apply(current));
  }

  synchronized void add(Consumer<BusStatus> listener) {
    listeners.add(listener);
    BusStatus now = current;
    run(() -> tell(listener, now));
  }

  void remove(Consumer<BusStatus> listener) {
    listeners.remove(listener);
  }

  /** Delivers what is already queued, then stops the thread. */
  void close() {
    notifier.shutdown();
  }

  private void run(Runnable r) {
    try {
      notifier.execute(r);
    } catch (RejectedExecutionException e) {
      // closed: nobody is listening any more
    }
  }

  private static void tell(Consumer<BusStatus> listener, BusStatus status) {
    try {
      listener.accept(status);
    } catch (RuntimeException e) {
      LOG.warn("a bus status listener failed", e);
    }
  }
}
