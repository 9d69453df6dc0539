package dev.scrying.console.model.latency;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the console knows of one action's path: who did what and the hops stamped so far, by the
 * server and by the console's own clients. Immutable; {@link #with} returns a richer copy.
 */
public record ActionTrace(String traceId, String userId, String action, long atMicros, Map<Hop, Long> hops) {

  public ActionTrace {
    EnumMap<Hop, Long> copy = new EnumMap<>(Hop.class);
    copy.putAll(hops);
    hops = java.util.Collections.unmodifiableMap(copy);
  }

  /** This trace plus {@code more} hops; hops already known keep their first stamp. */
  public ActionTrace with(Map<Hop, Long> more) {
    EnumMap<Hop, Long> merged = new EnumMap<>(Hop.class);
    merged.putAll(more);
    merged.putAll(hops);
    return new ActionTrace(traceId, userId, action, atMicros, merged);
  }

  public ActionTrace named(String user, String what) {
    return new ActionTrace(traceId, userId.isEmpty() ? user : userId, action.isEmpty() ? what : action, atMicros, hops);
  }

  /** True once nothing more will be stamped: the narrative finished, or the action had none. */
  public boolean complete() {
    return hops.containsKey(Hop.DONE) || (hops.containsKey(Hop.DELIVERED) && hops.containsKey(Hop.CLIENT_RECEIVED));
  }
}
