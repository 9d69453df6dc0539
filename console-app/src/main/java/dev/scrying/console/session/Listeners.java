package dev.scrying.console.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's listeners and the one thread that calls them, so they are told one thing at a time and
 * never on the thread that produced it (the engine's writer, a NATS dispatcher). A listener that
 * throws is logged and stays registered. Thread-safe.
 */
final class Listeners implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "session-feed");
    t.setDaemon(true);
    return t;
  });

  Runnable add(SessionListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  boolean isEmpty() {
    return listeners.isEmpty();
  }

  /** Tells every listener, on the feed thread. */
  void tell(Consumer<SessionListener> call) {
    if (listeners.isEmpty() || thread.isShutdown()) {
      return;
    }
    try {
      thread.execute(() -> {
        for (SessionListener l : listeners) {
          try {
            call.accept(l);
          } catch (RuntimeException e) {
            LOG.warn("a session listener failed", e);
          }
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      // The session is closing; nobody is listening any more.
    }
  }

  /** Makes one value on the feed thread (off the producer's thread) and tells every listener about it. */
  <T> void tell(java.util.function.Supplier<T> make, java.util.function.BiConsumer<SessionListener, T> call) {
    if (listeners.isEmpty()) {
      return;
    }
    tell(new Consumer<SessionListener>() {
      private T value;

      @Override
      public void accept(SessionListener l) {
        if (value == null) {
          value = make.get();
        }
        call.accept(l, value);
      }
    });
  }

  @Override
  public void close() {
    listeners.clear();
    thread.shutdownNow();
  }
}
