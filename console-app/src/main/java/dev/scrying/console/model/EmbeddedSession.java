package dev.scrying.console.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.engine.ExperienceEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link ServerSession} over an in-process {@link ScryingServer}, which this session owns and stops
 * on {@link #close}. It shows the server's first experience. Thread-safe.
 */
public final class EmbeddedSession implements ServerSession {
  /** The port Unity clients and docs expect; the console falls back to any free port when it is taken. */
  public static final int PREFERRED_PORT = 8765;

  private final ScryingServer server;
  private final String experienceId;

  public EmbeddedSession(ScryingServer server) {
    this.server = server;
    this.experienceId = server.experienceIds().iterator().next();
  }

  /** Starts a server with the console's defaults: loopback, port 8765 or any free one, the default data folder. */
  public static EmbeddedSession startDefault() throws IOException {
    String host = "127.0.0.1";
    ServerConfig config = new ServerConfig(host, freeOrAny(host, PREFERRED_PORT), ServerConfig.defaultDataDir(),
        null, true, null);
    return new EmbeddedSession(ScryingServer.start(config));
  }

  /**
   * {@code preferred} if nothing listens there, else 0 (any free port). Probed up front rather than by
   * retrying, because a server whose bind fails keeps its state folders locked until the JVM exits.
   */
  static int freeOrAny(String host, int preferred) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getByName(host), preferred));
      return preferred;
    } catch (IOException taken) {
      return 0;
    }
  }

  public ScryingServer server() {
    return server;
  }

  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  @Override
  public String experienceId() {
    return experienceId;
  }

  @Override
  public String dataDir() {
    return server.config().dataDir().toString();
  }

  @Override
  public long version() {
    return engine().version();
  }

  @Override
  public CompletableFuture<WorldSnapshot> world() {
    // Copy on the engine's writer thread (the state is confined there), render on a pool thread so
    // the writer is not held up by pretty-printing.
    return engine().read(s -> new Copy(s.version(), s.world().deepCopy()))
        .thenApplyAsync(c -> new WorldSnapshot(c.version(), pretty(c.world())));
  }

  private record Copy(long version, JsonNode world) {}

  private ExperienceEngine engine() {
    return server.runtime(experienceId).engine();
  }

  private static String pretty(JsonNode node) {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    // Stop each snapshot thread while its engine still runs: ScryingServer.close() stops the engine
    // first, and a snapshot thread woken afterwards waits on a read that never completes (about 10 s
    // per experience). Closing a snapshotter twice is harmless. Remove once the server orders this.
    for (String id : server.experienceIds()) {
      server.runtime(id).snapshotter().close();
    }
    server.close();
  }
}
