package dev.scrying.scenarios.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scrying.scenarios.client.MirrorComparison;
import dev.scrying.scenarios.client.ReconnectPolicy;
import dev.scrying.scenarios.client.ServerHandle;
import dev.scrying.scenarios.client.SimulatedPlayer;
import dev.scrying.scenarios.local.EmbeddedServer;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.narrative.NarratorSettings;
import dev.scrying.server.store.StorageFaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One restart storm: {@code players} simulated players (every third an SSE-only player, the rest on
 * WebSockets) with the given reconnect policy, a few actions, a graceful stop of the server and a new
 * server on the same port and data folder, a few more actions, then every mirror compared with the
 * server. Not thread-safe; run it once.
 */
final class RestartStorm {
  static final String EXP = "wylding-woods";

  /** What a storm measured; times in milliseconds. */
  record Result(int players, int webSockets, long stopMillis, long downMillis, long resumedMaxMillis,
      long resumedMedianMillis, int attempts, int peakPerSecond, int[] perSecond, int converged, int gaps,
      List<String> divergent, Map<String, Long> endings) {
    String line(String label) {
      return String.format("RELIABILITY G21 %s: players=%d (%d ws, %d sse) stop=%d ms down=%d ms;"
              + " ended by %s; all resumed %d ms after the new server was ready (median %d ms); attempts=%d,"
              + " per second since the stop %s, peak in any 1 s window=%d; converged %d/%d; gaps %d",
          label, players, webSockets, players - webSockets, stopMillis, downMillis, endings, resumedMaxMillis,
          resumedMedianMillis, attempts, Arrays.toString(perSecond), peakPerSecond, converged, players, gaps);
    }
  }

  private final Path data;
  private final int players;
  private final ReconnectPolicy policy;
  private final Duration downtime;

  /**
   * @param downtime how long the server stays away between the old one's stop and the new one's start, on
   *     top of the stop itself: zero restarts in-process at once; a few seconds stands for a restarted
   *     process (JVM, nats-server and content loading), during which clients retry against a closed port
   */
  RestartStorm(Path data, int players, ReconnectPolicy policy, Duration downtime) {
    this.data = data;
    this.players = players;
    this.policy = policy;
    this.downtime = downtime;
  }

  Result run() throws Exception {
    ServerConfig config = ServerConfig.local(data);
    ScryingServer server = start(config);
    ConnectionLog log = new ConnectionLog();
    List<SimulatedPlayer> all = new ArrayList<>();
    try (ServerHandle handle = ServerHandle.connect(server.baseUrl(), null)) {
      try {
        for (int i = 0; i < players; i++) {
          boolean sse = i % 3 == 2;
          SimulatedPlayer.Options o = SimulatedPlayer.Options.webSocketPlayer().withTimeout(Duration.ofSeconds(10))
              .withWebSocket(!sse).withEventStream(sse).withReconnect(policy);
          SimulatedPlayer p = SimulatedPlayer.prepare(handle, EXP, (sse ? "sse" : "ws") + i, o);
          all.add(p);
          p.addListener(log);
          p.reconnect();
        }
        List<SimulatedPlayer> ws = all.stream().filter(p -> p.options().webSocket()).toList();
        List<SimulatedPlayer> sse = all.stream().filter(p -> !p.options().webSocket()).toList();
        // Before: changes every mirror must already hold when the server goes down.
        assertThat(ws.get(0).act("collect_item", Map.of("instance_id", "bottle_joy")).get(10, TimeUnit.SECONDS).success()).isTrue();
        assertThat(sse.get(0).interact("collect_item", Map.of("instance_id", "bottle_energy")).get(10, TimeUnit.SECONDS).success()).isTrue();
        assertThat(ws.get(1).act("go", Map.of("destination", "clearing")).get(10, TimeUnit.SECONDS).success()).isTrue();

        log.arm();
        long stopStart = System.nanoTime();
        int port = server.port();
        server.close();
        long stopped = System.nanoTime();
        // The pause models the restart's length (see the constructor); nothing waits on it for correctness.
        server = CompletableFuture.supplyAsync(() -> start(config.withPort(port)),
            CompletableFuture.delayedExecutor(downtime.toMillis(), TimeUnit.MILLISECONDS)).get(60, TimeUnit.SECONDS);
        long ready = System.nanoTime();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> all.stream().allMatch(RestartStorm::resumed));
        // After: changes made on the new server reach the resumed streams live.
        assertThat(ws.get(2).act("collect_item", Map.of("instance_id", "bottle_mystery")).get(10, TimeUnit.SECONDS).success()).isTrue();
        assertThat(sse.get(1).interact("collect_item", Map.of("instance_id", "bottle_nature")).get(10, TimeUnit.SECONDS).success()).isTrue();

        int converged = 0;
        List<String> divergent = new ArrayList<>();
        for (SimulatedPlayer p : all) {
          MirrorComparison c = p.awaitConverged(Duration.ofSeconds(10));
          if (c.matches()) {
            converged++;
          } else {
            divergent.add(p.userId() + ": " + String.join("; ", c.differences()));
          }
        }
        int gaps = all.stream().mapToInt(p -> p.chainProblems().size()).sum();
        List<Long> attempts = log.attempts();
        long[] resumedAfterReady = log.lastOpen().values().stream().mapToLong(t -> t - ready).sorted().toArray();
        assertThat(resumedAfterReady).as("every player reopened after the restart").hasSize(players);
        return new Result(players, ws.size(), millis(stopped - stopStart), millis(ready - stopStart),
            millis(resumedAfterReady[players - 1]), millis(resumedAfterReady[players / 2]), attempts.size(),
            ConnectionLog.peak(attempts, TimeUnit.SECONDS.toNanos(1)), ConnectionLog.perSecond(attempts, stopStart),
            converged, gaps, divergent, log.firstEnd().values().stream()
                .collect(Collectors.groupingBy(RestartStorm::ending, TreeMap::new, Collectors.counting())));
      } finally {
        all.forEach(SimulatedPlayer::close);
      }
    } finally {
      server.close();
    }
  }

  /** Back on the new server: the stream is open and no reconnection is waiting or under way. */
  private static boolean resumed(SimulatedPlayer p) {
    boolean open = p.options().webSocket() ? p.isConnected() : p.isEventStreamOpen();
    return open && !p.isReconnecting();
  }

  /** "CLOSED 1012", "CLOSED the server ended the stream", "FAILED …": how a stream learnt of the stop. */
  private static String ending(String stateAndDetail) {
    return stateAndDetail.startsWith("CLOSED 1012") ? "CLOSED 1012" : stateAndDetail;
  }

  private static ScryingServer start(ServerConfig config) {
    try {
      return ScryingServer.start(config, Clock.systemUTC(), StorageFaults.NONE, NarratorSettings.offline(EmbeddedServer.TEST_PACING));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }
}
