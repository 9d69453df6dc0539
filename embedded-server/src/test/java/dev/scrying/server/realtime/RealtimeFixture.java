package dev.scrying.server.realtime;

import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.narrative.NarratorPacing;
import dev.scrying.server.narrative.NarratorSettings;
import dev.scrying.server.store.StorageFaults;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A real server on port 0 with a paced offline narrator, and tokens for test players. */
final class RealtimeFixture implements AutoCloseable {
  final ScryingServer server;

  RealtimeFixture(Path data, Duration firstToken) throws Exception {
    this(data, firstToken, dev.scrying.server.NatsConfig.managed());
  }

  RealtimeFixture(Path data, Duration firstToken, dev.scrying.server.NatsConfig nats) throws Exception {
    server = ScryingServer.start(ServerConfig.local(data).withNats(nats), Clock.systemUTC(), StorageFaults.NONE,
        NarratorSettings.offline(new NarratorPacing(firstToken, 400)));
  }

  String token(String user) {
    return server.tokens().issue(user, Identity.Role.PLAYER, Duration.ofHours(1));
  }

  String adminToken() {
    return server.tokens().issue("operator", Identity.Role.ADMIN, Duration.ofHours(1));
  }

  String url() {
    return server.baseUrl();
  }

  @Override
  public void close() {
    server.close();
  }
}
