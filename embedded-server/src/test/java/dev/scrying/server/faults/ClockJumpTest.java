package dev.scrying.server.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.Experience;
import dev.scrying.experiences.content.ExperienceLoader;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.NatsConfig;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.engine.Command;
import dev.scrying.server.engine.CommandResult;
import dev.scrying.server.engine.ExperienceEngine;
import dev.scrying.server.narrative.NarratorPacing;
import dev.scrying.server.narrative.NarratorSettings;
import dev.scrying.server.store.Journal;
import dev.scrying.server.store.JournalEntry;
import dev.scrying.server.store.StateFolder;
import dev.scrying.server.store.StorageFaults;
import dev.scrying.server.testing.JumpingClock;
import dev.scrying.server.testing.WsProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G17: the wall clock jumps back an hour, forward a day and back again while commands run. Versions
 * still rise by one per change in commit order, every recipient's chain stays gapless, the journal
 * replays to the same state, and over the wire clients keep their chains and their tokens.
 */
class ClockJumpTest {
  static final Experience WW = ExperienceLoader.loadBundled("wylding-woods");
  static final List<Duration> JUMPS = List.of(Duration.ofHours(-1), Duration.ofHours(24), Duration.ofHours(-24),
      Duration.ofMinutes(-5), Duration.ofHours(1), Duration.ofMillis(-1));
  static final List<String> ITEMS = List.of("bottle_mystery", "bottle_energy", "bottle_joy", "bottle_nature");
  @TempDir Path dir;

  @Test
  void versionsAndChainsIgnoreTheWallClock() throws Exception {
    JumpingClock clock = new JumpingClock();
    List<CommandResult> committed = new CopyOnWriteArrayList<>();
    Random rnd = new Random(17);
    long last;
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, clock)) {
      e.addListener(committed::add);
      for (int round = 0; round < 30; round++) {
        clock.jump(JUMPS.get(round % JUMPS.size()));
        List<CompletableFuture<CommandResult>> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          String user = "u" + rnd.nextInt(4);
          String action = rnd.nextBoolean() ? "collect_item" : "drop_item";
          batch.add(e.submit(new Command(action, Json.object().put("instance_id", ITEMS.get(rnd.nextInt(ITEMS.size()))),
              user, false, null, null, null)));
        }
        CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      }
      last = e.version();
    }
    List<Long> versions = committed.stream().map(CommandResult::version).toList();
    for (int i = 1; i < versions.size(); i++) {
      assertThat(versions.get(i)).as("one version per change, in commit order").isEqualTo(versions.get(i - 1) + 1);
    }
    Map<String, Long> chain = new HashMap<>();
    boolean timeWentBack = false;
    long previousTimestamp = Long.MIN_VALUE;
    for (CommandResult r : committed) {
      for (WorldUpdateEvent ev : r.events()) {
        assertThat(ev.baseVersion()).as("gapless chain of " + ev.userId()).isEqualTo(chain.getOrDefault(ev.userId(), 0L));
        chain.put(ev.userId(), ev.snapshotVersion());
        timeWentBack |= ev.timestamp() < previousTimestamp;
        previousTimestamp = ev.timestamp();
      }
    }
    assertThat(timeWentBack).as("the clock really jumped back under the events").isTrue();
    List<JournalEntry> journal = Journal.readQuietly(dir.resolve("journal.log"));
    assertThat(journal.stream().map(JournalEntry::version).toList()).isEqualTo(versions);
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, new JumpingClock())) {
      assertThat(e.version()).isEqualTo(last);
    }
    System.out.printf("RELIABILITY clock-jumps jumps=%d changes=%d ordering_errors=0%n", 30, versions.size());
  }

  @Test
  void overTheWireChainsAndTokensSurviveJumps() throws Exception {
    JumpingClock clock = new JumpingClock();
    try (ScryingServer server = ScryingServer.start(ServerConfig.local(dir).withNats(NatsConfig.off()), clock,
        StorageFaults.NONE, NarratorSettings.offline(new NarratorPacing(Duration.ZERO, 1000)))) {
      String aliceToken = server.tokens().issue("alice", Identity.Role.PLAYER, Duration.ofHours(12));
      String bobToken = server.tokens().issue("bob", Identity.Role.PLAYER, Duration.ofHours(12));
      try (WsProbe alice = WsProbe.open(server.baseUrl(), aliceToken, null)) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !alice.ofType("area_of_interest").isEmpty());
        int responses = 0;
        List<WsProbe> bobs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          clock.jump(List.of(Duration.ofHours(-1), Duration.ofHours(6), Duration.ofHours(-6), Duration.ofHours(1)).get(i % 4));
          // A token issued before the jump still opens a connection after it.
          WsProbe bob = WsProbe.open(server.baseUrl(), bobToken, null);
          await().atMost(Duration.ofSeconds(10)).until(() -> !bob.ofType("area_of_interest").isEmpty() || bob.isClosed());
          assertThat(bob.isClosed()).as("token refused after a clock jump").isFalse();
          bobs.add(bob);
          alice.send("{\"type\":\"action\",\"action\":\"" + (i % 2 == 0 ? "collect_item" : "drop_item")
              + "\",\"instance_id\":\"bottle_joy\"}");
          int expected = ++responses;
          await().atMost(Duration.ofSeconds(10)).until(() -> alice.ofType("action_response").size() == expected);
          if (bobs.size() > 3) {
            bobs.remove(0).close();
          }
        }
        assertThat(alice.ofType("action_response")).allMatch(r -> r.path("success").asBoolean());
        assertGapless(alice);
        bobs.forEach(ClockJumpTest::assertGapless);
        bobs.forEach(WsProbe::close);
      }
    }
  }

  static void assertGapless(WsProbe c) {
    long version = -1;
    for (JsonNode f : List.copyOf(c.frames)) {
      switch (f.path("type").asText()) {
        case "area_of_interest" -> version = f.path("snapshot_version").asLong();
        case "world_update" -> {
          assertThat(f.path("base_version").asLong()).as("gapless chain").isEqualTo(version);
          version = f.path("snapshot_version").asLong();
        }
        default -> { }
      }
    }
  }
}
