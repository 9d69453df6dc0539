package dev.scrying.server.narrative;

/**
 * Receives one narration's stream. Called on a narrator thread, one callback at a time, in order;
 * a callback that throws is logged and does not change what follows.
 */
public interface NarrationListener {

  /** The first text is about to arrive; called once, right before the first {@link #onText}. */
  default void onFirstToken() {}

  /** The next piece of text; appending every chunk in order gives the whole narration. */
  void onText(String chunk);

  /** Terminal: the narration finished normally. */
  void onDone(NarrationStats stats);

  /**
   * Terminal: the narration failed; text already delivered stays valid but is incomplete.
   *
   * @param code one of the {@link NarratorErrors} codes
   * @param message a human-readable reason, never containing credentials
   */
  void onError(String code, String message);
}
