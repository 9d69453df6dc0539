package dev.scrying.console.ui;

import dev.scrying.console.model.UiDispatch;
import javafx.application.Platform;

/**
 * Builds the console's {@link UiDispatch} on top of the JavaFX application thread. This is the only
 * place that calls {@code Platform.runLater} (an ArchUnit test holds it to that), so every background
 * update goes through one coalescing queue.
 */
public final class FxDispatch {
  private FxDispatch() {}

  /** A dispatch that drains on the FX thread; the toolkit must be running. */
  public static UiDispatch create() {
    return new UiDispatch(Platform::runLater);
  }
}
