package dev.scrying.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scrying.experiences.Json;
import dev.scrying.server.NatsConfig;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.engine.Command;
import dev.scrying.server.engine.CommandResult;
import dev.scrying.server.engine.ExperienceEngine;
import dev.scrying.server.realtime.SseTestClient.Frame;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G8: a watcher's persistent stream is dropped 200 times at random moments while a zone-mate changes the
 * world 20 times a second; each time it comes back with its Last-Event-ID. Across all connections it must
 * apply every event once, in chain order, with no gap. Then it catches up on 1,000 events it missed
 * (exactly those) and on 10,000 (a fresh snapshot: more than its stream's outbox holds).
 */
class SseResumeTest {
  private static final int DROPS = Integer.getInteger("scrying.faults.sseDrops", 200);
  @TempDir Path data;
  ScryingServer server;
  ExperienceEngine engine;
  final ScheduledExecutorService actor = Executors.newSingleThreadScheduledExecutor();
  final AtomicInteger changes = new AtomicInteger();
  /** The actor's latest command: the engine commits in order, so once it is durable all before it are. */
  volatile CompletableFuture<CommandResult> lastAct;

  @BeforeEach
  void start() throws Exception {
    // Dropped streams are noticed at the next heartbeat; let a few overlap rather than hit the per-player cap.
    var limits = new ConnectionLimits(20, 40, 100, 2, 64, 30_000, 50, 100);
    server = ScryingServer.start(ServerConfig.local(data).withNats(NatsConfig.off()).withLimits(limits));
    engine = server.runtime("wylding-woods").engine();
  }

  @AfterEach
  void stop() {
    actor.shutdownNow();
    server.close();
  }

  /** The watcher's mirror of its chain: what it applied, and whatever broke the chain. */
  static final class Chain {
    long version = -1;
    int applied;
    final List<String> problems = new ArrayList<>();

    void take(List<Frame> frames) {
      for (Frame f : frames) {
        String type = f.data().path("type").asText();
        if (type.equals("area_of_interest")) {
          version = f.data().path("snapshot_version").asLong();
        } else if (type.equals("world_update")) {
          long base = f.data().path("base_version").asLong();
          long next = f.data().path("snapshot_version").asLong();
          if (next <= version) {
            problems.add("duplicate v" + next + " after v" + version);
          } else if (base != version) {
            problems.add("gap: v" + next + " based on v" + base + ", mirror at v" + version);
          } else {
            version = next;
            applied++;
          }
        }
      }
    }
  }

  @Test
  void droppedTwoHundredTimesItAppliesEveryEventOnceThenCatchesUp() throws Exception {
    String token = server.tokens().issue("carol", Identity.Role.PLAYER, Duration.ofHours(1));
    act(); // alice exists before carol's snapshot
    Chain chain = new Chain();
    SseTestClient first = SseTestClient.events(server.baseUrl(), token, null);
    await().atMost(Duration.ofSeconds(10)).until(() -> !first.frames.isEmpty());
    actor.scheduleAtFixedRate(this::act, 0, 50, TimeUnit.MILLISECONDS);
    Random random = new Random(8);
    SseTestClient current = first;
    for (int drop = 0; drop < DROPS; drop++) {
      Thread.sleep(random.nextInt(60)); // the drop's random moment, not a synchronisation
      current.close();
      // A frame arriving after this copy is not lost: the next connection resumes from what was applied.
      chain.take(List.copyOf(current.frames));
      current = SseTestClient.events(server.baseUrl(), token, chain.version);
    }
    actor.shutdown();
    assertThat(actor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    // The actor only submits: its last change may still be on its way to the journal.
    lastAct.get(10, TimeUnit.SECONDS);
    long settled = engine.version();
    SseTestClient last = current;
    long resumedFrom = chain.version;
    await().atMost(Duration.ofSeconds(10)).until(() -> Math.max(resumedFrom, lastVersion(last)) >= settled);
    chain.take(List.copyOf(last.frames));
    last.close();
    assertThat(chain.problems).isEmpty();
    assertThat(chain.version).isEqualTo(settled);
    int appliedDuringDrops = chain.applied;

    Catch exact = catchUp(token, chain, 1_000);
    assertThat(exact.snapshots()).as("1,000 missed events come as events").isZero();
    assertThat(exact.applied()).isEqualTo(1_000);
    // Past the stream's outbox (2,000 frames) a client that far behind gets a fresh snapshot instead.
    Catch reset = catchUp(token, chain, 10_000);
    assertThat(reset.snapshots()).as("10,000 missed: a fresh snapshot").isEqualTo(1);
    assertThat(chain.problems).isEmpty();
    System.out.printf("RELIABILITY G8: %d drops at random moments during 20 changes/s: %d events applied, 0 gaps,"
        + " 0 duplicates; 1,000 missed: all as events, caught up in %d ms; 10,000 missed: a fresh snapshot at the"
        + " current version in %d ms, then the chain goes on%n", DROPS, appliedDuringDrops, exact.millis(),
        reset.millis());
  }

  record Catch(int applied, int snapshots, long millis) {}

  /** Makes {@code n} changes while the watcher is away, then resumes it and waits until it is current. */
  private Catch catchUp(String token, Chain chain, int n) throws Exception {
    List<CompletableFuture<CommandResult>> missed = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      missed.add(engine.submit(action()));
    }
    CompletableFuture.allOf(missed.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    long target = engine.version();
    int appliedBefore = chain.applied;
    long started = System.nanoTime();
    SseTestClient back = SseTestClient.events(server.baseUrl(), token, chain.version);
    await().atMost(Duration.ofSeconds(60)).until(() -> lastVersion(back) >= target);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    List<Frame> frames = List.copyOf(back.frames);
    back.close();
    chain.take(frames);
    assertThat(chain.version).isEqualTo(target);
    int snapshots = (int) frames.stream().filter(f -> f.data().path("type").asText().equals("area_of_interest")).count();
    return new Catch(chain.applied - appliedBefore, snapshots, millis);
  }

  private static long lastVersion(SseTestClient c) {
    List<Frame> frames = List.copyOf(c.frames);
    return frames.isEmpty() ? -1 : frames.get(frames.size() - 1).data().path("snapshot_version").asLong(-1);
  }

  private void act() {
    lastAct = engine.submit(action());
  }

  private Command action() {
    String name = changes.getAndIncrement() % 2 == 0 ? "collect_item" : "drop_item";
    return new Command(name, Json.object().put("instance_id", "bottle_joy"), "alice", false, null, null, null);
  }
}
