package dev.scrying.server;

import java.nio.file.Path;

/**
 * How to start a server. {@code contentDir} null means the bundled experiences; {@code port} 0 picks a
 * free port; {@code devMode} enables {@code POST /dev/token} so local players and the console can get
 * tokens without an identity provider; {@code limits} bound what one connection or player may send.
 */
public record ServerConfig(String host, int port, Path dataDir, Path contentDir, boolean devMode, byte[] tokenSecret,
    NatsConfig nats, dev.scrying.server.realtime.ConnectionLimits limits) {

  /** A configuration with a managed nats-server and the limits from system properties. */
  public ServerConfig(String host, int port, Path dataDir, Path contentDir, boolean devMode, byte[] tokenSecret) {
    this(host, port, dataDir, contentDir, devMode, tokenSecret, NatsConfig.managed(),
        dev.scrying.server.realtime.ConnectionLimits.fromSystemProperties());
  }

  public static Path defaultDataDir() {
    return Path.of(System.getProperty("user.home"), ".scrying", "data");
  }

  public static ServerConfig local(Path dataDir) {
    return new ServerConfig("127.0.0.1", 0, dataDir, null, true, null);
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(host, p, dataDir, contentDir, devMode, tokenSecret, nats, limits);
  }

  public ServerConfig withHost(String h) {
    return new ServerConfig(h, port, dataDir, contentDir, devMode, tokenSecret, nats, limits);
  }

  public ServerConfig withDataDir(Path dir) {
    return new ServerConfig(host, port, dir, contentDir, devMode, tokenSecret, nats, limits);
  }

  public ServerConfig withContentDir(Path dir) {
    return new ServerConfig(host, port, dataDir, dir, devMode, tokenSecret, nats, limits);
  }

  public ServerConfig withDevMode(boolean on) {
    return new ServerConfig(host, port, dataDir, contentDir, on, tokenSecret, nats, limits);
  }

  public ServerConfig withNats(NatsConfig n) {
    return new ServerConfig(host, port, dataDir, contentDir, devMode, tokenSecret, n, limits);
  }

  /** Other connection and request limits (tests about something else raise them; see {@link ConnectionLimits}). */
  public ServerConfig withLimits(dev.scrying.server.realtime.ConnectionLimits l) {
    return new ServerConfig(host, port, dataDir, contentDir, devMode, tokenSecret, nats, l);
  }
}
