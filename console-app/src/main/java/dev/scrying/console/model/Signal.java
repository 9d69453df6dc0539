package dev.scrying.console.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A stream of happenings a view reacts to (rows arrived, nodes to flash), where {@link Value} would
 * drop repeats. Plain Java and not thread-safe on purpose: it belongs to the UI thread, like Value.
 */
public final class Signal<T> {
  private final List<Consumer<? super T>> observers = new ArrayList<>();

  /** Tells every observer, in the order they subscribed. */
  public void emit(T event) {
    for (Consumer<? super T> o : List.copyOf(observers)) {
      o.accept(event);
    }
  }

  /** Calls {@code observer} on every future event; run the result to stop. */
  public Runnable subscribe(Consumer<? super T> observer) {
    observers.add(observer);
    return () -> observers.remove(observer);
  }
}
