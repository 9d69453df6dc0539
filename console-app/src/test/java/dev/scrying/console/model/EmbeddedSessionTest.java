package dev.scrying.console.model;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.engine.Command;
import dev.scrying.server.engine.Commands;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSessionTest {

  @Test
  void readsTheVersionAndWorldOfTheBundledExperience(@TempDir Path dataDir) throws Exception {
    try (EmbeddedSession session = new EmbeddedSession(ScryingServer.start(ServerConfig.local(dataDir)))) {
      assertThat(session.experienceId()).isEqualTo("wylding-woods");
      assertThat(session.baseUrl()).startsWith("http://127.0.0.1:");
      long before = session.version();

      session.server().runtime("wylding-woods").engine().submit(Command.of("alice", Commands.JOIN, null)).get(10, SECONDS);
      WorldSnapshot world = session.world().get(10, SECONDS);

      assertThat(session.version()).isEqualTo(before + 1);
      assertThat(world.version()).isEqualTo(before + 1);
      assertThat(world.json()).startsWith("{\n").contains("\"locations\"");
    }
  }

  @Test
  void fallsBackToAnyPortWhenThePreferredOneIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      assertThat(EmbeddedSession.freeOrAny("127.0.0.1", taken.getLocalPort())).isZero();
    }
    int free;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      free = probe.getLocalPort();
    }
    assertThat(EmbeddedSession.freeOrAny("127.0.0.1", free)).isEqualTo(free);
  }
}
