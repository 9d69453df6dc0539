package dev.scrying.server.realtime;

import dev.scrying.server.auth.Identity;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many live connections (WebSockets and SSE streams) each player holds, so one guest cannot open
 * sockets without bound. Thread-safe: a slot is taken atomically before a connection is set up and
 * given back exactly once when its {@link Slot} closes. Admin identities (the operator's console) are
 * not players and are not limited.
 */
public final class PlayerConnections {
  private final int max;
  private final Map<String, Integer> open = new ConcurrentHashMap<>();

  public PlayerConnections(int max) {
    this.max = max;
  }

  /** A slot for one more connection of {@code who}, or empty if the player already holds the maximum. */
  public Optional<Slot> open(Identity who) {
    if (who.isAdmin()) {
      return Optional.of(new Slot(null));
    }
    boolean[] granted = {false};
    open.compute(who.userId(), (user, n) -> {
      int now = n == null ? 0 : n;
      if (now >= max) {
        return now;
      }
      granted[0] = true;
      return now + 1;
    });
    return granted[0] ? Optional.of(new Slot(who.userId())) : Optional.empty();
  }

  /**
   * Like {@link #open} for an HTTP stream: the refusal is a 429 {@code too_many_connections} (nothing is
   * sent yet, so the status can still be set).
   */
  public Slot openOrRefuse(Identity who) {
    return open(who).orElseThrow(() -> new dev.scrying.server.http.ApiError(429, "too_many_connections",
        "this player already has " + max + " open connections; close one and try again"));
  }

  /** Live connections of a player (0 for admins, who are not counted). */
  public int count(String userId) {
    return open.getOrDefault(userId, 0);
  }

  public int max() {
    return max;
  }

  private void release(String userId) {
    open.computeIfPresent(userId, (user, n) -> n <= 1 ? null : n - 1);
  }

  /** One connection's place in its player's count; closing it twice gives it back once. */
  public final class Slot implements AutoCloseable {
    private final String userId;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Slot(String userId) {
      this.userId = userId;
    }

    @Override
    public void close() {
      if (userId != null && closed.compareAndSet(false, true)) {
        release(userId);
      }
    }
  }
}
