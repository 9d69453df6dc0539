package dev.scrying.console.session;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.scrying.experiences.Json;
import dev.scrying.server.NatsConfig;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.engine.Command;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP-only session against a real server on a free port: what "connect to server" does on the LAN. */
class RemoteSessionTest {
  @TempDir
  Path dataDir;
  private ScryingServer server;
  private RemoteSession session;

  @BeforeEach
  void start() throws Exception {
    server = ScryingServer.start(ServerConfig.local(dataDir).withNats(NatsConfig.off()));
    session = RemoteSession.connect(server.baseUrl().replace("http://", ""), null);
  }

  @AfterEach
  void stop() {
    session.close();
    server.close();
  }

  @Test
  void connectsWithADevTokenAndReadsStatusAndWorld() throws Exception {
    assertThat(session.baseUrl()).isEqualTo(server.baseUrl());
    assertThat(session.experienceId()).isEqualTo("wylding-woods");
    assertThat(session.kind()).isEqualTo(SessionKind.REMOTE);
    ServerStatus s = session.status().get(10, SECONDS);
    assertThat(s.url()).isEqualTo(server.baseUrl());
    assertThat(s.nats().mode()).isEqualTo("in_process");
    assertThat(session.world().get(10, SECONDS).world().path("locations").has("woander_store")).isTrue();
  }

  @Test
  void newCommitsArriveAsActionsReadFromGit() throws Exception {
    List<ServerAction> actions = new CopyOnWriteArrayList<>();
    session.listen(new SessionListener() {
      @Override
      public void action(ServerAction a) {
        actions.add(a);
      }
    });
    // The watch reads the history once first, so that only what follows is news.
    await().atMost(10, SECONDS).until(session::watchPrimed);
    server.runtime("wylding-woods").engine().submit(Command.of("alice", "collect_item",
        Json.object().put("instance_id", "bottle_joy"))).get(10, SECONDS);

    await().atMost(15, SECONDS).until(() -> actions.stream().anyMatch(a -> a.action().equals("collect_item")));
    ServerAction a = actions.stream().filter(x -> x.action().equals("collect_item")).findFirst().orElseThrow();
    assertThat(a.userId()).isEqualTo("alice");
    assertThat(a.live()).isFalse();
  }

  @Test
  void onAServerWithItsOwnNatsTheTapLogsInAsTheObserverAndSeesEveryPlayer() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dev.scrying.server.bus.NatsProcess.findBinary(java.util.Optional.empty()).isPresent(), "nats-server is not installed");
    try (ScryingServer managed = ScryingServer.start(ServerConfig.local(dataDir.resolve("managed")))) {
      await().atMost(15, SECONDS).until(() -> managed.bus().status().state() == dev.scrying.server.bus.BusStatus.State.CONNECTED);
      RemoteSession remote = RemoteSession.connect(managed.baseUrl(), null);
      try {
        List<BusMessage> seen = new CopyOnWriteArrayList<>();
        remote.listen(new SessionListener() {
          @Override
          public void busMessage(BusMessage m) {
            seen.add(m);
          }
        });
        await().atMost(15, SECONDS).until(remote::watchPrimed);
        // The tap connects on the watch's next tick; keep acting until its messages arrive.
        java.util.concurrent.atomic.AtomicInteger round = new java.util.concurrent.atomic.AtomicInteger();
        await().atMost(30, SECONDS).pollInterval(java.time.Duration.ofMillis(500)).until(() -> {
          String action = round.getAndIncrement() % 2 == 0 ? "collect_item" : "drop_item";
          managed.runtime("wylding-woods").engine().submit(Command.of("bob", action,
              Json.object().put("instance_id", "bottle_joy"))).get(10, SECONDS);
          return seen.stream().anyMatch(m -> m.userId().equals("bob"));
        });
        assertThat(seen).allMatch(m -> m.subject().startsWith("world.updates.user."));
      } finally {
        remote.close();
      }
    }
  }

  @Test
  void historyWorldAtACommitAndAResetThatNeedsConfirming() throws Exception {
    long collected = server.runtime("wylding-woods").engine().submit(Command.of("alice", "collect_item",
        Json.object().put("instance_id", "bottle_joy"))).get(10, SECONDS).version();
    // The start-up snapshot is committed too; wait for the commit that holds the collect.
    await().atMost(10, SECONDS).until(() -> {
      var log = session.history(10).get(10, SECONDS);
      return !log.isEmpty() && log.get(0).version() >= collected;
    });
    HistoryEntry newest = session.history(10).get(10, SECONDS).get(0);
    RecordedWorld then = session.worldAt(newest.commit()).get(10, SECONDS);
    assertThat(then.players()).containsKey("alice");

    AdminReply preview = session.reset(ResetScope.EXPERIENCE, null, false).get(10, SECONDS);
    assertThat(preview.success()).isFalse();
    assertThat(preview.message()).contains("CONFIRM");
    long before = server.runtime("wylding-woods").engine().version();
    AdminReply done = session.reset(ResetScope.EXPERIENCE, null, true).get(10, SECONDS);
    assertThat(done.success()).isTrue();
    assertThat(done.version()).isEqualTo(before + 1);
  }

  @Test
  void refusalsComeBackInTheOperatorsWords() {
    assertThatThrownBy(() -> session.controlNats(false).get(10, SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(SessionException.class)
        .hasMessage("This server does not own a nats-server process.")
        .satisfies(e -> assertThat(((SessionException) e).wayForward()).contains("by hand"));
    assertThatThrownBy(() -> session.worldAt("deadbeef").join()).isInstanceOf(CompletionException.class)
        .cause().hasMessage("No commit 'deadbeef'.");
  }

  @Test
  void aServerThatIsNotThereSaysSo() {
    assertThatThrownBy(() -> RemoteSession.connect("http://127.0.0.1:1", null)).isInstanceOf(SessionException.class)
        .hasMessage("The server is not answering.");
    assertThatThrownBy(() -> RemoteSession.normalise("http:///nohost")).isInstanceOf(SessionException.class);
    assertThat(RemoteSession.normalise("10.0.0.2:8765/")).isEqualTo("http://10.0.0.2:8765");
  }
}
