package dev.scrying.console.model.players;

import dev.scrying.scenarios.client.MirrorComparison;
import dev.scrying.scenarios.client.SimulatedPlayer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Compares each connected player's client mirror with the server's view of that player (one HTTP
 * read each), allowing deltas still in flight {@link #SETTLE} to land, and remembers the outcome.
 * Runs on the caller's thread (a private worker) and blocks while it compares; thread-safe to read.
 */
final class MirrorChecks {
  static final Duration SETTLE = Duration.ofMillis(500);

  private final Map<String, MirrorCheck> last = new ConcurrentHashMap<>();

  /** Checks every connected player; {@code changed} hears of each player whose outcome changed. */
  void run(Collection<SimulatedPlayer> players, Consumer<String> changed) throws InterruptedException {
    for (SimulatedPlayer p : players) {
      if (!p.isConnected()) {
        continue;
      }
      try {
        MirrorComparison c = p.awaitConverged(SETTLE);
        MirrorCheck check = c.matches() ? new MirrorCheck(MirrorCheck.Status.MATCH, "at v" + c.mirrorVersion())
            : new MirrorCheck(MirrorCheck.Status.MISMATCH, String.join("; ", c.differences()));
        if (!check.equals(last.put(p.userId(), check))) {
          changed.accept(p.userId());
        }
      } catch (RuntimeException e) {
        // The status bar and the stream show a server that is down; the check tries again later.
      }
    }
  }

  MirrorCheck of(String userId) {
    return last.getOrDefault(userId, MirrorCheck.UNKNOWN);
  }
}
