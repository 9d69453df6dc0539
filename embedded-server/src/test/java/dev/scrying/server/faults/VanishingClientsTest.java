package dev.scrying.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.bus.BusStatus;
import dev.scrying.server.bus.NatsMonitor;
import dev.scrying.server.bus.NatsProcess;
import dev.scrying.server.testing.WsProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G10 / invariant 8: 1,000 WebSocket clients vanish without a close frame (right after connecting, after
 * their snapshot, and with an action of theirs still being answered). Live connections, per-player slots,
 * NATS subscriptions ({@code /subsz}), server threads and open file descriptors return to their baseline.
 */
class VanishingClientsTest {
  static final int CLIENTS = Integer.getInteger("scrying.faults.vanishingClients", 1_000);
  @TempDir Path data;

  @Test
  void everythingAClientHeldIsReleasedWhenItVanishes() throws Exception {
    Assumptions.assumeTrue(NatsProcess.findBinary(Optional.empty()).isPresent(), "nats-server is not installed");
    try (ScryingServer server = ScryingServer.start(ServerConfig.local(data))) {
      await().atMost(Duration.ofSeconds(15)).until(() -> server.bus().status().state() == BusStatus.State.CONNECTED);
      NatsMonitor monitor = server.bus().monitor().orElseThrow();
      vanish(server, 60, 0); // warm-up: pools, JIT, the players' first join
      Baseline base = await().atMost(Duration.ofSeconds(60)).until(() -> quiet(server, monitor), b -> b != null);

      long started = System.nanoTime();
      vanish(server, CLIENTS, 1);
      long spentMs = (System.nanoTime() - started) / 1_000_000;

      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
        assertThat(server.hub().count()).as("live connections").isZero();
        assertThat(monitor.subscriptionCount()).as("NATS subscriptions").isEqualTo(base.subscriptions());
        assertThat(serverThreads()).as("server threads").isLessThanOrEqualTo(base.threads() + 2);
        assertThat(openFiles()).as("open file descriptors").isLessThanOrEqualTo(base.files() + 5);
      });
      for (int i = 0; i < 200; i++) {
        assertThat(server.hub().playerConnections().count("v" + i)).isZero();
      }
      System.out.printf("RELIABILITY vanishing-clients clients=%d in_ms=%d connections=%d subs=%d/%d threads=%d/%d fds=%d/%d%n",
          CLIENTS, spentMs, server.hub().count(), monitor.subscriptionCount(), base.subscriptions(), serverThreads(),
          base.threads(), openFiles(), base.files());
    }
  }

  record Baseline(long subscriptions, long threads, long files) {}

  private static Baseline quiet(ScryingServer server, NatsMonitor monitor) throws IOException {
    return server.hub().count() == 0 ? new Baseline(monitor.subscriptionCount(), serverThreads(), openFiles()) : null;
  }

  /** Thirds: gone at once, gone after the snapshot, gone while the answer to its action is being written. */
  private static void vanish(ScryingServer server, int n, int salt) {
    for (int i = 0; i < n; i++) {
      String user = "v" + (i % 200);
      WsProbe c = WsProbe.open(server.baseUrl(), server.tokens().issue(user, Identity.Role.PLAYER, Duration.ofHours(1)), null);
      switch ((i + salt) % 3) {
        case 0 -> { }
        case 1 -> awaitSnapshot(c);
        default -> c.send("{\"type\":\"action\",\"action\":\"" + (i % 2 == 0 ? "collect_item" : "drop_item")
            + "\",\"instance_id\":\"bottle_joy\"}");
      }
      c.vanish();
    }
  }

  private static void awaitSnapshot(WsProbe c) {
    try {
      c.awaitFrame("area_of_interest");
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Threads of the server; the JDK HttpClient threads belong to the test's clients. */
  static long serverThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.getName().startsWith("HttpClient")).count();
  }

  static long openFiles() throws IOException {
    Path fd = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fd)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(fd)) {
      return s.count();
    }
  }
}
