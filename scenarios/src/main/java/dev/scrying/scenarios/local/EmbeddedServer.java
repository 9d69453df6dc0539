package dev.scrying.scenarios.local;

import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.narrative.NarratorPacing;
import dev.scrying.server.narrative.NarratorSettings;
import dev.scrying.server.store.StorageFaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real Scrying server started in this JVM for the CLI and tests: port 0 on 127.0.0.1, a fresh
 * temporary data folder (deleted on close), a managed nats-server when one is installed, and the
 * offline narrator. Scenario code only ever sees its {@link #baseUrl()}: everything else goes over the
 * wire. Not thread-safe to close twice concurrently; close it once when done.
 */
public final class EmbeddedServer implements AutoCloseable {
  /** Fast enough for CI, slow enough that the narration still streams after the world update. */
  public static final NarratorPacing TEST_PACING = new NarratorPacing(Duration.ofMillis(30), 400);

  private final ScryingServer server;
  private final Path dataDir;

  private EmbeddedServer(ScryingServer server, Path dataDir) {
    this.server = server;
    this.dataDir = dataDir;
  }

  /** Starts a server with the given offline narrator pacing. */
  public static EmbeddedServer start(NarratorPacing pacing) throws IOException {
    Path dir = Files.createTempDirectory("scrying-scenarios-");
    try {
      ScryingServer s = ScryingServer.start(ServerConfig.local(dir), Clock.systemUTC(), StorageFaults.NONE,
          NarratorSettings.offline(pacing));
      return new EmbeddedServer(s, dir);
    } catch (IOException | RuntimeException e) {
      delete(dir);
      throw e;
    }
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      delete(dataDir);
    }
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
