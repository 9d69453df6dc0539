package dev.scrying.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.realtime.ConnectionLimits;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.bus.BusStatus;
import dev.scrying.server.bus.NatsProcess;
import dev.scrying.server.engine.ExperienceEngine;
import dev.scrying.server.http.TestClient;
import dev.scrying.server.testing.MirrorReplay;
import dev.scrying.server.testing.WsProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariant 7, "slow": the managed nats-server is frozen with SIGSTOP (it keeps its sockets but answers
 * nothing) while players act. No state change waits for it or fails; zone-mates still converge (the
 * heartbeat catches them up from the event log); after SIGCONT the bus is connected again and every
 * mirror equals the server's view with no gap or double-applied delta.
 */
class SlowNatsTest {
  @TempDir Path data;

  @Test
  void aFrozenNatsServerHoldsUpNothingAndClientsConverge() throws Exception {
    Assumptions.assumeTrue(NatsProcess.findBinary(Optional.empty()).isPresent(), "nats-server is not installed");
    try (ScryingServer server = ScryingServer.start(ServerConfig.local(data)
        // 300 HTTP actions back to back from one player: a load on NATS, not a test of the request budget.
        .withLimits(ConnectionLimits.DEFAULT.withHttp(10_000, 10_000)))) {
      await().atMost(Duration.ofSeconds(15)).until(() -> server.bus().status().state() == BusStatus.State.CONNECTED);
      ExperienceEngine engine = server.runtime("wylding-woods").engine();
      try (WsProbe alice = connected(server, "alice"); WsProbe bob = connected(server, "bob")) {
        long pid = server.bus().process().orElseThrow().processHandle().orElseThrow().pid();
        List<Long> latencies = new ArrayList<>();
        signal("STOP", pid);
        try {
          actions(alice, 20, latencies);
          // Enough traffic to fill the frozen server's socket buffers: publishing must still never block.
          httpActions(server, "carol", 300, latencies);
          await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> converged(engine, bob, "bob"));
        } finally {
          signal("CONT", pid);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> server.bus().status().state() == BusStatus.State.CONNECTED);
        actions(alice, 6, latencies);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
          converged(engine, bob, "bob");
          converged(engine, alice, "alice");
        });
        long worst = latencies.stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.printf("RELIABILITY slow-nats frozen_actions=320 failed=0 worst_ack_ms=%d after_resume=6 converged=true%n", worst);
        assertThat(worst).as("no state change waited for the frozen NATS").isLessThan(2_000);
      }
    }
  }

  private static void actions(WsProbe alice, int n, List<Long> latencies) {
    for (int i = 0; i < n; i++) {
      int before = alice.ofType("action_response").size();
      long t0 = System.nanoTime();
      alice.send("{\"type\":\"action\",\"action\":\"" + (alice.ofType("action_response").size() % 2 == 0
          ? "collect_item" : "drop_item") + "\",\"instance_id\":\"bottle_joy\"}");
      await().atMost(Duration.ofSeconds(10)).until(() -> alice.ofType("action_response").size() > before);
      latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      assertThat(alice.ofType("action_response").get(before).path("success").asBoolean()).isTrue();
    }
  }

  private static void httpActions(ScryingServer server, String user, int n, List<Long> latencies) {
    TestClient c = new TestClient(server.baseUrl(), server.tokens().issue(user, Identity.Role.PLAYER, Duration.ofHours(1)));
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      TestClient.Reply r = c.act(i % 2 == 0 ? "collect_item" : "drop_item", "instance_id", "bottle_energy");
      latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body().path("metadata").path("state_changed").asBoolean()).as("state change " + i).isTrue();
    }
  }

  private static void converged(ExperienceEngine engine, WsProbe client, String user) throws Exception {
    MirrorReplay mirror = MirrorReplay.of(List.copyOf(client.frames));
    assertThat(mirror.problems()).as(user + " gaps or duplicates").isEmpty();
    assertThat(mirror.view()).as(user + " mirror").isEqualTo(MirrorReplay.serverView(engine, user));
  }

  private static WsProbe connected(ScryingServer server, String user) {
    WsProbe ws = WsProbe.open(server.baseUrl(), server.tokens().issue(user, Identity.Role.PLAYER, Duration.ofHours(1)), null);
    await().atMost(Duration.ofSeconds(10)).until(() -> !ws.ofType("area_of_interest").isEmpty());
    return ws;
  }

  private static void signal(String signal, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -" + signal).isTrue();
  }
}
