package dev.scrying.console;

import dev.scrying.console.session.EmbeddedSession;
import dev.scrying.server.NatsConfig;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.narrative.NarratorPacing;
import dev.scrying.server.narrative.NarratorSettings;
import dev.scrying.server.store.StorageFaults;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Real servers for tests: loopback, a free port, the test's own data folder, a quick offline narrator. */
public final class TestServers {
  /** Quick enough for tests, slow enough that narrative frames still stream after the world update. */
  public static final NarratorPacing QUICK = new NarratorPacing(Duration.ofMillis(40), 300);

  private TestServers() {}

  public static EmbeddedSession embedded(Path dataDir, NatsConfig nats) throws IOException {
    return new EmbeddedSession(ScryingServer.start(ServerConfig.local(dataDir).withNats(nats), Clock.systemUTC(),
        StorageFaults.NONE, NarratorSettings.offline(QUICK)));
  }

  /** True when a nats-server binary is installed, so managed-NATS tests can run. */
  public static boolean natsInstalled() {
    return dev.scrying.server.bus.NatsProcess.findBinary(java.util.Optional.empty()).isPresent();
  }
}
