package dev.scrying.scenarios.client;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a latency sample measures. Every metric starts at the moment the client sent its message (local
 * clock, epoch microseconds); the {@code HOP_*} metrics end at a server hop stamped in the action's
 * {@code world_update.metadata.trace}, which works because client and server share one machine clock.
 * {@link #key()} is the name used in scenario files and reports.
 */
public enum LatencyMetric {
  /** Action sent to the player's own {@code world_update} received: the latency a guest sees. */
  ACTION_TO_WORLD_UPDATE("action_to_world_update"),
  /** Action sent to its {@code action_response} received. */
  ACTION_TO_RESPONSE("action_to_response"),
  /** Chat message posted to the first {@code world_update} frame on its SSE stream. */
  CHAT_TO_WORLD_UPDATE("chat_to_world_update"),
  /** Chat message posted to the first {@code content} (narrative) frame on its SSE stream. */
  CHAT_TO_FIRST_CONTENT("chat_to_first_content"),
  /** Action sent to the server receiving it. */
  HOP_RECEIVED("hop_received"),
  /** Action sent to the engine applying it. */
  HOP_APPLIED("hop_applied"),
  /** Action sent to its journal entry being on disk. */
  HOP_DURABLE("hop_durable"),
  /** Action sent to its events being published on the bus. */
  HOP_PUBLISHED("hop_published"),
  /** Action sent to the server handing its {@code world_update} to this connection. */
  HOP_DELIVERED("hop_delivered");

  private final String key;

  LatencyMetric(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<LatencyMetric> byKey(String key) {
    return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
  }

  /** The metric for a server trace hop name ({@code received}, {@code applied}, ...), if it is one. */
  static Optional<LatencyMetric> forHop(String hop) {
    return byKey("hop_" + hop);
  }
}
