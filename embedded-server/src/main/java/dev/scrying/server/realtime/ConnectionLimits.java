package dev.scrying.server.realtime;

/**
 * The per-connection and per-player limits of the real-time layer. Immutable; read once when a server
 * starts. {@code messagesPerSecond}/{@code burst} bound what one WebSocket may send, {@code strikes}
 * and {@code strikesPerSecond} how long it may keep pushing past that before it is closed, and
 * {@code connectionsPerPlayer} how many sockets and streams one player may hold at once, and
 * {@code writeTimeoutMillis} how long a WebSocket may take to accept one frame before it is judged dead and
 * dropped, found at the next heartbeat (a client that merely reads slowly is resynced long before that;
 * see {@link ExperienceSocket}), and
 * {@code httpPerSecond}/{@code httpBurst} how many HTTP requests one player (or, before it has a token,
 * one address) may make. A guest's device sends a few per second; the HTTP budget leaves room for
 * scripts and the console's scenario runs while a flood gets 429.
 */
public record ConnectionLimits(double messagesPerSecond, int burst, int strikes, double strikesPerSecond,
    int connectionsPerPlayer, long writeTimeoutMillis, double httpPerSecond, int httpBurst) {

  public static final ConnectionLimits DEFAULT = new ConnectionLimits(20, 40, 100, 2, 8, 30_000, 50, 100);

  public ConnectionLimits {
    if (messagesPerSecond <= 0 || burst < 1 || strikes < 1 || strikesPerSecond <= 0 || connectionsPerPlayer < 1
        || writeTimeoutMillis < 1 || httpPerSecond <= 0 || httpBurst < 1) {
      throw new IllegalArgumentException("connection limits must be positive");
    }
  }

  /**
   * The defaults, overridden by {@code -Dscrying.limits.wsMessagesPerSecond}, {@code .wsBurst},
   * {@code .wsStrikes}, {@code .connectionsPerPlayer}, {@code .wsWriteTimeoutMillis}, {@code .httpPerSecond}
   * and {@code .httpBurst} (load tests and rehearsals raise them).
   */
  public static ConnectionLimits fromSystemProperties() {
    return new ConnectionLimits(
        doubleProperty("scrying.limits.wsMessagesPerSecond", DEFAULT.messagesPerSecond),
        Integer.getInteger("scrying.limits.wsBurst", DEFAULT.burst),
        Integer.getInteger("scrying.limits.wsStrikes", DEFAULT.strikes),
        DEFAULT.strikesPerSecond,
        Integer.getInteger("scrying.limits.connectionsPerPlayer", DEFAULT.connectionsPerPlayer),
        Long.getLong("scrying.limits.wsWriteTimeoutMillis", DEFAULT.writeTimeoutMillis),
        doubleProperty("scrying.limits.httpPerSecond", DEFAULT.httpPerSecond),
        Integer.getInteger("scrying.limits.httpBurst", DEFAULT.httpBurst));
  }

  /** These limits with another HTTP request budget per player. */
  public ConnectionLimits withHttp(double requestsPerSecond, int requestBurst) {
    return new ConnectionLimits(messagesPerSecond, burst, strikes, strikesPerSecond, connectionsPerPlayer,
        writeTimeoutMillis, requestsPerSecond, requestBurst);
  }

  private static double doubleProperty(String name, double fallback) {
    String v = System.getProperty(name);
    try {
      return v == null ? fallback : Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
