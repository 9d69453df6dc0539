package dev.scrying.console.session;

import java.util.Map;

/**
 * One command the server made durable: who did what, at which version, with its trace hops in epoch
 * microseconds. {@code live} actions come straight from the engine as they commit; otherwise the
 * action was read back from the Git history (remote servers), where hops and trace ids are unknown.
 */
public record ServerAction(long version, String userId, String action, boolean success, boolean stateChanged,
    String message, String traceId, Map<String, Long> hops, int recipients, String json, long atMicros, boolean live) {

  public ServerAction {
    hops = Map.copyOf(hops);
  }
}
