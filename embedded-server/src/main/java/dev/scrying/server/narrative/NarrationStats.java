package dev.scrying.server.narrative;

/**
 * Timings of a finished narration, measured from the {@link Narrator#narrate} call to delivery.
 *
 * @param timeToFirstTokenMs until the first text chunk was delivered
 * @param totalMs until {@code onDone} was delivered
 * @param chunks how many {@code onText} calls there were (at least one)
 */
public record NarrationStats(long timeToFirstTokenMs, long totalMs, int chunks) {}
