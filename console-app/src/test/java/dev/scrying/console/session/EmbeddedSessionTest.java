package dev.scrying.console.session;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scrying.experiences.Json;
import dev.scrying.server.NatsConfig;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.engine.Command;
import dev.scrying.server.engine.Commands;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSessionTest {

  @Test
  void readsTheWorldAndReportsActionsAsTheyCommitWithTheirTraces(@TempDir Path dataDir) throws Exception {
    try (EmbeddedSession session = new EmbeddedSession(ScryingServer.start(ServerConfig.local(dataDir).withNats(NatsConfig.off())))) {
      assertThat(session.experienceId()).isEqualTo("wylding-woods");
      assertThat(session.kind()).isEqualTo(SessionKind.EMBEDDED);
      assertThat(session.liveActions()).isTrue();
      List<ServerAction> actions = new CopyOnWriteArrayList<>();
      session.listen(new SessionListener() {
        @Override
        public void action(ServerAction a) {
          actions.add(a);
        }
      });
      long before = session.world().get(10, SECONDS).version();

      session.server().runtime("wylding-woods").engine()
          .submit(Command.of("alice", "collect_item", Json.object().put("instance_id", "bottle_joy"))).get(10, SECONDS);

      await().atMost(10, SECONDS).until(() -> actions.stream().anyMatch(a -> a.action().equals("collect_item")));
      ServerAction take = actions.stream().filter(a -> a.action().equals("collect_item")).findFirst().orElseThrow();
      assertThat(take.userId()).isEqualTo("alice");
      assertThat(take.live()).isTrue();
      assertThat(take.hops()).containsKeys("received", "applied", "durable");
      assertThat(session.trace(take.traceId()).get(10, SECONDS)).get().asInstanceOf(
          org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("durable");
      WorldSnapshot after = session.world().get(10, SECONDS);
      assertThat(after.version()).isGreaterThan(before);
      assertThat(after.world().toString()).doesNotContain("\"instance_id\":\"bottle_joy\"");
      ServerStatus status = session.status().get(10, SECONDS);
      assertThat(status.version()).isEqualTo(after.version());
      assertThat(status.nats().inProcess()).isTrue();
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

  @Test
  void joinsAreReportedToo(@TempDir Path dataDir) throws Exception {
    try (EmbeddedSession session = new EmbeddedSession(ScryingServer.start(ServerConfig.local(dataDir).withNats(NatsConfig.off())))) {
      List<ServerAction> actions = new CopyOnWriteArrayList<>();
      session.listen(new SessionListener() {
        @Override
        public void action(ServerAction a) {
          actions.add(a);
        }
      });
      session.server().runtime("wylding-woods").engine().submit(Command.of("bob", Commands.JOIN, null)).get(10, SECONDS);
      await().atMost(10, SECONDS).until(() -> actions.size() == 1);
      assertThat(Json.parse(actions.get(0).json()).path("user_id").asText()).isEqualTo("bob");
    }
  }
}
