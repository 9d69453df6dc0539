package dev.scrying.server.narrative;

/**
 * A narration in flight, owned by whoever called {@link Narrator#narrate}. Thread-safe.
 */
public interface Narration {

  /**
   * Stops the narration without waiting. No callback starts after this returns, except one that a
   * narrator thread was already dispatching at that moment; a cancelled narration gets no
   * {@code onDone} or {@code onError}. Idempotent, and harmless after the narration ended.
   */
  void cancel();
}
