package dev.scrying.console.model.stream;

/**
 * One row of the live stream. {@code atMicros} is when the console saw it (epoch µs); {@code latencyMs}
 * is how long after the server received the action behind it, or NaN when no action is known;
 * {@code json} is the raw frame or record for the inspector and exports. Immutable.
 */
public record StreamEvent(long atMicros, Source source, String player, String type, String summary, double latencyMs,
    String traceId, String json) {

  public boolean hasLatency() {
    return !Double.isNaN(latencyMs);
  }
}
