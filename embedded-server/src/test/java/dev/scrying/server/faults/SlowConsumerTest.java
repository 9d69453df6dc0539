package dev.scrying.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.server.NatsConfig;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.engine.Command;
import dev.scrying.server.engine.CommandResult;
import dev.scrying.server.engine.ExperienceEngine;
import dev.scrying.server.realtime.ConnectionLimits;
import dev.scrying.server.realtime.ExperienceSocket;
import dev.scrying.server.testing.MirrorReplay;
import dev.scrying.server.testing.RawWebSocket;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G9: a WebSocket client stops reading while 20,000 events are pushed at it. Its outbox never holds more
 * than the limit, the server's heap after GC stays flat, and when the client reads again it is given a
 * fresh area_of_interest from which its mirror reaches the server's view with no gap.
 */
class SlowConsumerTest {
  static final int EVENTS = Integer.getInteger("scrying.faults.slowConsumerEvents", 20_000);
  static final long HEAP_GROWTH_LIMIT = 20L * 1024 * 1024;
  @TempDir Path data;

  @Test
  void aClientThatStopsReadingIsBoundedResyncedAndCostsNoMemory() throws Exception {
    // The push takes 4-25 s on a busy CI machine; the stall must not reach the dead-client timeout (30 s),
    // which is a different behaviour (close, then the client reconnects with since_version).
    System.setProperty("scrying.limits.wsWriteTimeoutMillis", "120000");
    try (ScryingServer server = ScryingServer.start(ServerConfig.local(data).withNats(NatsConfig.off()))) {
      ExperienceEngine engine = server.runtime("wylding-woods").engine();
      String token = server.tokens().issue("slowpoke", Identity.Role.PLAYER, java.time.Duration.ofHours(1));
      try (RawWebSocket slow = new RawWebSocket(server.port(), token)) {
        List<JsonNode> frames = new ArrayList<>();
        while (frames.stream().noneMatch(f -> f.path("type").asText().equals("area_of_interest"))) {
          frames.add(slow.next());
        }
        push(engine, 200); // warm-up, so the baseline includes loaded classes and filled caches
        awaitPublished(server);
        long before = usedHeapAfterGc();
        long started = System.nanoTime();
        int largest = push(engine, EVENTS, server);
        long pushMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // Events still on their way to the client (bus, mailbox, held for its snapshot) are in flight, not
        // kept: the heap must come back to flat while the client still reads nothing.
        awaitPublished(server);
        long first = usedHeapAfterGc();
        AtomicLong settled = new AtomicLong(first);
        org.awaitility.Awaitility.await("heap back to flat after GC").atMost(java.time.Duration.ofSeconds(30))
            .pollInterval(java.time.Duration.ofMillis(500))
            .until(() -> {
              settled.set(usedHeapAfterGc());
              return settled.get() - before < HEAP_GROWTH_LIMIT;
            });
        long after = settled.get();
        assertThat(largest).as("largest outbox while the client did not read").isLessThanOrEqualTo(ExperienceSocket.OUTBOX_LIMIT);

        long finalVersion = engine.version();
        int resyncs = 0;
        int read = 0;
        JsonNode f;
        // Reads again: everything up to a snapshot of (or events up to) the final version.
        while (MirrorReplay.of(frames).version() < finalVersion && (f = slow.next()) != null) {
          frames.add(f);
          read++;
          resyncs += f.path("type").asText().equals("area_of_interest") ? 1 : 0;
        }
        MirrorReplay mirror = MirrorReplay.of(frames);
        System.out.printf("RELIABILITY slow-consumer events=%d push_ms=%d largest_outbox=%d frames_read_after=%d "
                + "resyncs=%d heap_before_mib=%.1f heap_in_flight_mib=%.1f heap_after_mib=%.1f growth_mib=%.1f%n", EVENTS, pushMs,
            largest, read, resyncs, before / 1048576.0, first / 1048576.0, after / 1048576.0, (after - before) / 1048576.0);
        assertThat(resyncs).as("told to resync with a fresh area_of_interest").isGreaterThanOrEqualTo(1);
        assertThat(mirror.problems()).as("no gap or duplicate after the resync").isEmpty();
        assertThat(mirror.version()).isEqualTo(finalVersion);
        assertThat(mirror.view()).isEqualTo(MirrorReplay.serverView(engine, "slowpoke"));
        assertThat(after - before).as("heap growth after GC").isLessThan(HEAP_GROWTH_LIMIT);
      }
    } finally {
      System.clearProperty("scrying.limits.wsWriteTimeoutMillis");
    }
  }

  /**
   * A client that accepts no bytes at all (its socket buffers full) is dropped once one frame has waited
   * longer than the write timeout: no server thread waits on it meanwhile, and the others carry on.
   */
  @Test
  void aSocketThatAcceptsNothingIsDroppedAfterTheWriteTimeout() throws Exception {
    ConnectionLimits d = ConnectionLimits.DEFAULT;
    ConnectionLimits limits = new ConnectionLimits(d.messagesPerSecond(), d.burst(), d.strikes(), d.strikesPerSecond(),
        d.connectionsPerPlayer(), 2_000, d.httpPerSecond(), d.httpBurst());
    try (ScryingServer server = ScryingServer.start(ServerConfig.local(data).withNats(NatsConfig.off()).withLimits(limits))) {
      ExperienceEngine engine = server.runtime("wylding-woods").engine();
      String token = server.tokens().issue("stuck", Identity.Role.PLAYER, java.time.Duration.ofHours(1));
      try (RawWebSocket stuck = new RawWebSocket(server.port(), token)) {
        while (!stuck.next().path("type").asText().equals("area_of_interest")) {
          // connected, then the first view; from here on it reads nothing
        }
        long started = System.nanoTime();
        org.awaitility.Awaitility.await("the silent socket dropped").atMost(java.time.Duration.ofSeconds(20))
            .pollInterval(java.time.Duration.ofMillis(100))
            .until(() -> {
              if (server.hub().count("websocket") > 0) {
                push(engine, 200); // keeps its buffers full until a frame is stuck for the timeout
              }
              return server.hub().count("websocket") == 0;
            });
        System.out.printf("RELIABILITY dead-socket dropped_after_ms=%d%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        CommandResult after = engine.submit(new Command("collect_item", Json.object().put("instance_id", "bottle_joy"),
            "other", false, null, null, null)).get(10, TimeUnit.SECONDS);
        assertThat(after.success()).as("the server carries on").isTrue();
      }
    }
  }

  private static void awaitPublished(ScryingServer server) {
    org.awaitility.Awaitility.await("events handed to the bus").atMost(java.time.Duration.ofSeconds(60))
        .until(() -> server.hub().events().backlog() == 0);
  }

  private static void push(ExperienceEngine engine, int n) throws Exception {
    push(engine, n, null);
  }

  /** A zone-mate takes and drops a bottle n times; each is one event for the slow client. Returns the largest outbox seen. */
  private static int push(ExperienceEngine engine, int n, ScryingServer server) throws Exception {
    Semaphore inFlight = new Semaphore(512);
    AtomicInteger failed = new AtomicInteger();
    int largest = 0;
    List<CompletableFuture<CommandResult>> last = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      inFlight.acquire();
      CompletableFuture<CommandResult> f = engine.submit(new Command(i % 2 == 0 ? "collect_item" : "drop_item",
          Json.object().put("instance_id", "bottle_joy"), "pusher", false, null, null, null));
      f.whenComplete((r, e) -> {
        inFlight.release();
        if (e != null || !r.stateChanged()) {
          failed.incrementAndGet();
        }
      });
      if (server != null && i % 100 == 0) {
        largest = Math.max(largest, server.hub().largestQueue());
      }
      last.add(f);
      if (last.size() > 1_000) {
        last.remove(0);
      }
    }
    CompletableFuture.allOf(last.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    assertThat(failed.get()).as("every push changed the world").isZero();
    return server == null ? 0 : Math.max(largest, server.hub().largestQueue());
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
