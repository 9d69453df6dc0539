package dev.scrying.console.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One observable value of a view model, in plain Java so view models test without the JavaFX
 * toolkit. Not thread-safe on purpose: a value belongs to the UI thread, and view models change it
 * only from tasks they hand to {@link UiDispatch}.
 */
public final class Value<T> {
  private final List<Consumer<? super T>> observers = new ArrayList<>();
  private T current;

  public Value(T initial) {
    this.current = initial;
  }

  public T get() {
    return current;
  }

  /** Sets the value and tells every observer, unless it is equal to the current one. */
  public void set(T next) {
    if (Objects.equals(current, next)) {
      return;
    }
    current = next;
    // A copy, so an observer may unsubscribe itself while being told.
    for (Consumer<? super T> o : List.copyOf(observers)) {
      o.accept(next);
    }
  }

  /** Calls {@code observer} now with the current value and on every change; run the result to stop. */
  public Runnable observe(Consumer<? super T> observer) {
    observers.add(observer);
    observer.accept(current);
    return () -> observers.remove(observer);
  }
}
