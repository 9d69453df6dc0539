package dev.scrying.server.realtime;

import dev.scrying.experiences.protocol.WorldUpdateEvent;
import java.util.function.Consumer;

/**
 * Where connections get their player's {@code world_update} events from (NATS, or in-process when
 * NATS is away). Events may arrive more than once; {@link ClientChannel} drops duplicates.
 */
public interface PlayerEvents {
  /**
   * The wire text of this event from the texts its action was published with (trace included), also for
   * a re-based copy, or null: the caller then encodes it itself.
   */
  default String encoded(WorldUpdateEvent event) {
    return null;
  }

  /** Durable commands whose events are not yet handed to the bus (0 where publishing is synchronous). */
  default int backlog() {
    return 0;
  }

  /** Subscribes to one player's events; closing the result ends the subscription. */
  Subscription subscribe(String experience, String userId, Consumer<WorldUpdateEvent> sink);

  /** An active subscription. Closing is idempotent. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
