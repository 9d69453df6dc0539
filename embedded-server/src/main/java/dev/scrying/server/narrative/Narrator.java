package dev.scrying.server.narrative;

/**
 * Streams narration for command outcomes. A narrator owns its threads: every callback of one
 * narration arrives on a narrator thread (never the caller's), in order, {@code onFirstToken} just
 * before the first {@code onText}, and exactly one terminal callback ({@code onDone} or
 * {@code onError}) ends it, unless it was cancelled first; {@link Narration#cancel()} and
 * {@link #close()} end narrations silently, with no terminal callback.
 *
 * <p>Listeners should return quickly: a narrator may deliver several narrations on one thread.
 */
public interface Narrator extends AutoCloseable {

  /**
   * Starts a narration and returns at once without blocking on I/O or pacing.
   *
   * @throws IllegalStateException if the narrator is closed
   */
  Narration narrate(NarrationRequest request, NarrationListener listener);

  /** Stops the narrator's threads; narrations in flight end as if cancelled. Idempotent. */
  @Override
  void close();
}
