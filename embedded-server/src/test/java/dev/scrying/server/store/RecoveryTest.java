package dev.scrying.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.Experience;
import dev.scrying.experiences.content.ExperienceLoader;
import dev.scrying.server.engine.Command;
import dev.scrying.server.engine.CommandResult;
import dev.scrying.server.engine.ExperienceEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up recovery: torn journal tails, corrupt snapshots (G14: seven fixtures, timed) and journals,
 * leftover Git locks, disk errors.
 */
class RecoveryTest {
  static final Experience WW = ExperienceLoader.loadBundled("wylding-woods");
  @TempDir Path dir;

  static CommandResult collect(ExperienceEngine e, String user, String item) throws Exception {
    return e.submit(new Command("collect_item", Json.object().put("instance_id", item), user, false, null, null, null))
        .get(10, TimeUnit.SECONDS);
  }

  static String worldJson(ExperienceEngine e) throws Exception {
    return e.read(s -> Json.write(s.toJson())).get(10, TimeUnit.SECONDS);
  }

  @Test
  void tornTailIsDroppedAndEverythingBeforeItKept() throws Exception {
    String before;
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC())) {
      assertThat(collect(e, "alice", "bottle_joy").success()).isTrue();
      assertThat(collect(e, "alice", "bottle_energy").success()).isTrue();
      before = worldJson(e);
    }
    Files.writeString(dir.resolve("journal.log"), "0badc0de {\"version\":99,\"trunc", StandardOpenOption.APPEND);
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC())) {
      assertThat(worldJson(e)).isEqualTo(before);
      assertThat(Files.readString(dir.resolve("journal.log"))).doesNotContain("trunc");
      assertThat(collect(e, "alice", "bottle_nature").success()).isTrue();
    }
  }

  @Test
  void corruptEntryFollowedByValidOnesIsRefusedClearly() throws Exception {
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC())) {
      collect(e, "alice", "bottle_joy");
      collect(e, "alice", "bottle_energy");
    }
    Path journal = dir.resolve("journal.log");
    String text = Files.readString(journal);
    Files.writeString(journal, text.replaceFirst("bottle_joy", "bottle_jox"));
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE)) {
      assertThatThrownBy(() -> f.recover(WW)).isInstanceOf(StoreException.class)
          .hasMessageContaining("line 1 is corrupt").hasMessageContaining("refusing to start");
    }
  }

  /** G14 fixtures: damage done to a snapshot (or world.json) between two runs, and what start-up must do. */
  enum Damage {
    EMPTY(Outcome.REBUILT), TRUNCATED(Outcome.REBUILT),
    /** One bit of the version's last digit: still valid JSON of the right shape; only the checksum can tell. */
    BIT_FLIP(Outcome.REBUILT),
    /** A 0xFF byte in a field name, resealed: the checksum holds, the parser must refuse. */
    BAD_UTF8(Outcome.REBUILT),
    /** Valid JSON, valid checksum, not a state. */
    SCHEMA_INVALID(Outcome.REBUILT),
    /** A valid snapshot from an earlier version (a restored backup): used, the journal replayed after it. */
    STALE(Outcome.USED),
    /** Plain JSON as versions before the checksum wrote it (an upgrade): used, since its journal may start after it. */
    UNSEALED_FROM_AN_OLDER_VERSION(Outcome.USED),
    /** A valid snapshot newer than the journal's last entry: acknowledged entries are gone, so refuse. */
    NEWER_THAN_JOURNAL(Outcome.REFUSED);

    final Outcome outcome;

    Damage(Outcome outcome) {
      this.outcome = outcome;
    }
  }

  enum Outcome { REBUILT, USED, REFUSED }

  /** A history of about 800 commands, its snapshot at the end and one from half-way. */
  @TempDir static Path history;
  static byte[] latestSnapshot;
  static byte[] staleSnapshot;
  static JsonNode replayed;

  @BeforeAll
  static void recordHistory() throws Exception {
    for (int session = 0; session < 2; session++) {
      try (StateFolder f = new StateFolder(history, StorageFaults.NONE);
           ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC()); Snapshotter s = new Snapshotter(e)) {
        play(e, 400);
      }
      if (session == 0) {
        staleSnapshot = Files.readAllBytes(history.resolve("snapshot.json"));
      }
    }
    latestSnapshot = Files.readAllBytes(history.resolve("snapshot.json"));
    List<JournalEntry> journal = Journal.read(history.resolve("journal.log"));
    assertThat(journal).as("journal entries of the fixture history").hasSizeGreaterThan(600);
    replayed = Json.parse(Json.write(CrashHarness.replay(journal).toJson()));
  }

  /** Four players each taking and dropping their own bottle, submitted at once so group commit batches them. */
  private static void play(ExperienceEngine e, int commands) throws Exception {
    List<CompletableFuture<CommandResult>> all = new ArrayList<>();
    for (int i = 0; i < commands; i++) {
      int player = i % 4;
      String action = (i / 4) % 2 == 0 ? "collect_item" : "drop_item";
      all.add(e.submit(new Command(action, Json.object().put("instance_id", CrashHarness.ITEMS.get(player)),
          "p" + player, false, null, null, null)));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void damagedSnapshotIsDetectedNeverServedAndRecoveredQuickly(Damage damage) throws Exception {
    Files.copy(history.resolve("journal.log"), dir.resolve("journal.log"));
    Files.write(dir.resolve("snapshot.json"), damagedSnapshot(damage));
    long started = System.nanoTime();
    String outcome;
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE)) {
      if (damage.outcome == Outcome.REFUSED) {
        assertThatThrownBy(() -> f.recover(WW)).isInstanceOf(StoreException.class)
            .hasMessageContaining("refusing to start").hasMessageContaining("move snapshot.json aside");
        outcome = "refused";
      } else {
        Recovered r = f.recover(WW);
        assertThat(r.snapshotRecovered()).as("damage detected").isEqualTo(damage.outcome == Outcome.REBUILT);
        assertThat(Json.parse(Json.write(r.state().toJson()))).as("state == replay of template + journal")
            .isEqualTo(replayed);
        outcome = r.snapshotRecovered() ? "rebuilt_from_template_and_journal"
            : "snapshot_v" + r.snapshotVersion() + "_plus_journal";
      }
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    System.out.printf("RELIABILITY G14 snapshot fixture=%s outcome=%s journal_entries=%d recovery_ms=%d%n",
        damage, outcome, Journal.readQuietly(dir.resolve("journal.log")).size(), millis);
    assertThat(millis).as("recovery time").isLessThanOrEqualTo(5_000);
  }

  private static byte[] damagedSnapshot(Damage damage) {
    byte[] content = Checksummed.open(latestSnapshot);
    ObjectNode state = (ObjectNode) Json.parse(content);
    return switch (damage) {
      case EMPTY -> new byte[0];
      case TRUNCATED -> Arrays.copyOf(latestSnapshot, latestSnapshot.length / 2);
      case BIT_FLIP -> {
        byte[] b = latestSnapshot.clone();
        int at = indexOf(b, "\"version\":") + "\"version\":".length();
        while (Character.isDigit(b[at + 1])) {
          at++;
        }
        b[at] ^= 1; // '0'<->'1', '2'<->'3', ...: the version moves by one and everything still parses
        yield b;
      }
      case BAD_UTF8 -> {
        byte[] b = content.clone();
        b[indexOf(b, "\"locations\"") + 1] = (byte) 0xFF;
        yield Checksummed.seal(b);
      }
      case SCHEMA_INVALID -> Checksummed.seal(Json.writeBytes(Json.object().put("version", state.path("version").asLong())
          .<ObjectNode>set("world", Json.object().put("locations", "nowhere")).set("players", Json.MAPPER.createArrayNode())));
      case STALE -> staleSnapshot;
      case UNSEALED_FROM_AN_OLDER_VERSION -> content;
      case NEWER_THAN_JOURNAL -> Checksummed.seal(Json.writeBytes(state.put("version", state.path("version").asLong() + 5)));
    };
  }

  private static int indexOf(byte[] bytes, String text) {
    String s = new String(bytes, StandardCharsets.ISO_8859_1);
    int i = s.indexOf(text);
    assertThat(i).as(text + " in the snapshot").isNotNegative();
    return i;
  }

  /** world.json is never read at start (the snapshot and journal are), and the first snapshot rewrites it. */
  @ParameterizedTest
  @EnumSource(value = Damage.class, names = {"EMPTY", "TRUNCATED", "BIT_FLIP", "BAD_UTF8", "SCHEMA_INVALID"})
  void damagedWorldJsonIsNeverReadAndIsRewritten(Damage damage) throws Exception {
    for (String file : List.of("journal.log", "snapshot.json", "world.json")) {
      Files.copy(history.resolve(file), dir.resolve(file));
    }
    byte[] world = Files.readAllBytes(dir.resolve("world.json"));
    byte[] bad = switch (damage) {
      case EMPTY -> new byte[0];
      case TRUNCATED -> Arrays.copyOf(world, world.length / 2);
      case BIT_FLIP -> {
        byte[] b = world.clone();
        b[b.length / 2] ^= 0x04;
        yield b;
      }
      case BAD_UTF8 -> {
        byte[] b = world.clone();
        b[indexOf(b, "\"locations\"") + 1] = (byte) 0xFF;
        yield b;
      }
      default -> "[]".getBytes(StandardCharsets.UTF_8);
    };
    Files.write(dir.resolve("world.json"), bad);
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC());
         Snapshotter s = new Snapshotter(e)) {
      assertThat(Json.parse(worldJson(e))).isEqualTo(replayed);
      assertThat(s.awaitCommitted(e.version(), 10_000)).isTrue();
      assertThat(Json.parse(Files.readAllBytes(dir.resolve("world.json")))).as("world.json rewritten")
          .isEqualTo(replayed.path("world"));
      assertThat(f.history().at("HEAD").orElseThrow().world()).as("what Git holds").isEqualTo(replayed.path("world"));
    }
    System.out.printf("RELIABILITY G14 world.json fixture=%s outcome=never_read_rewritten_by_first_snapshot%n", damage);
  }

  /**
   * G15: a lock file a crashed commit left behind (JGit and git both refuse to commit while it exists) is
   * removed at start, the history continues from where it was, nothing is missing and fsck is clean.
   */
  @ParameterizedTest
  @ValueSource(strings = {"index.lock", "HEAD.lock", "refs/heads/main.lock", "packed-refs.lock"})
  void leftoverGitLockIsRemovedAndHistoryContinues(String lock) throws Exception {
    List<String> before = new ArrayList<>();
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC());
         Snapshotter s = new Snapshotter(e)) {
      for (String item : List.of("bottle_joy", "bottle_energy")) {
        collect(e, "alice", item);
        assertThat(s.awaitCommitted(e.version(), 10_000)).isTrue();
        before.add(f.history().log(1).get(0).commit());
      }
    }
    // What a crash mid-commit leaves: the lock, holding what the next value would have been.
    Path lockFile = dir.resolve(".git").resolve(lock);
    Files.writeString(lockFile, before.get(0) + "\n");
    long started = System.nanoTime();
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC());
         Snapshotter s = new Snapshotter(e)) {
      assertThat(lockFile).doesNotExist();
      collect(e, "alice", "bottle_nature");
      assertThat(s.awaitCommitted(e.version(), 10_000)).as("a commit after the lock").isTrue();
      long commitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      var log = f.history().log(100);
      assertThat(log.get(0).message()).contains("collect_item bottle_nature by alice");
      assertThat(log.get(0).version()).isEqualTo(e.version());
      List<String> commits = log.stream().map(GitHistory.Entry::commit).toList();
      assertThat(commits).as("no commit missing").containsAll(before);
      List<Long> versions = log.stream().map(GitHistory.Entry::version).filter(v -> v > 0).toList();
      assertThat(versions).as("versions newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
      assertThat(Json.parse(Json.write(f.history().at("HEAD").orElseThrow().world()))).as("what Git holds")
          .isEqualTo(Json.parse(e.read(st -> Json.write(st.world())).get()));
      System.out.printf("RELIABILITY G15 lock=%s removed=true commits=%d missing=%d first_commit_after_start_ms=%d%n",
          lock, log.size(), before.stream().filter(c -> !commits.contains(c)).count(), commitMillis);
    }
    assertThat(GitFsck.problems(dir.resolve(".git"))).as("fsck").isEmpty();
  }

  /**
   * G15, while running: a live lock (another git process, not stale, so not removed) makes every commit
   * fail. Acknowledgements must not notice, and once the lock goes the history catches up with nothing missing.
   */
  @Test
  void gitBlockedWhileRunningLeavesAcknowledgementsAloneAndCatchesUp() throws Exception {
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC());
         Snapshotter s = new Snapshotter(e)) {
      long[] free = ackMillis(e, 300);
      assertThat(s.awaitCommitted(e.version(), 10_000)).isTrue();
      long committedBefore = s.committedVersion();
      Path lock = dir.resolve(".git").resolve("index.lock");
      Files.writeString(lock, "");
      long[] blocked = ackMillis(e, 300);
      assertThat(s.committedVersion()).as("no commit lands while git is locked").isEqualTo(committedBefore);
      Files.delete(lock);
      assertThat(s.awaitCommitted(e.version(), 10_000)).as("history catches up once the lock goes").isTrue();
      assertThat(f.history().log(1).get(0).version()).isEqualTo(e.version());
      System.out.printf("RELIABILITY G15 git-blocked acks=%d p50_free_ms=%.2f p99_free_ms=%.2f p50_blocked_ms=%.2f "
              + "p99_blocked_ms=%.2f caught_up_to=v%d%n", blocked.length, pct(free, 50), pct(free, 99), pct(blocked, 50),
          pct(blocked, 99), s.committedVersion());
      // Loose bound: two shared cores make a 10 % comparison noise; a hot path waiting on git would be far worse.
      assertThat(pct(blocked, 99)).as("p99 ack with git blocked").isLessThanOrEqualTo(2 * pct(free, 99) + 20);
    }
    assertThat(GitFsck.problems(dir.resolve(".git"))).as("fsck").isEmpty();
  }

  /** Acknowledgement times (nanoseconds, sorted) of {@code n} sequential take/drop commands. */
  private static long[] ackMillis(ExperienceEngine e, int n) throws Exception {
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      String action = i % 2 == 0 ? "collect_item" : "drop_item";
      long t = System.nanoTime();
      CommandResult r = e.submit(new Command(action, Json.object().put("instance_id", "bottle_joy"), "alice", false,
          null, null, null)).get(10, TimeUnit.SECONDS);
      nanos[i] = System.nanoTime() - t;
      assertThat(r.stateChanged()).as(action + " acknowledged").isTrue();
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static double pct(long[] sortedNanos, int p) {
    return sortedNanos[Math.min(sortedNanos.length - 1, sortedNanos.length * p / 100)] / 1e6;
  }

  @Test
  void secondServerOnTheSameFolderIsRefused() throws Exception {
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE)) {
      assertThatThrownBy(() -> new StateFolder(dir, StorageFaults.NONE)).isInstanceOf(StoreException.class)
          .hasMessageContaining("in use by another Scrying server");
    }
  }

  @Test
  void diskErrorFailsTheCommandChangesNothingAndRecovers() throws Exception {
    AtomicBoolean full = new AtomicBoolean();
    StorageFaults faults = new StorageFaults() {
      @Override
      public void beforeSync(String what) throws IOException {
        if (full.get() && what.equals("journal")) {
          throw new IOException("No space left on device");
        }
      }
    };
    try (StateFolder f = new StateFolder(dir, faults); ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC())) {
      assertThat(collect(e, "alice", "bottle_joy").success()).isTrue();
      String before = worldJson(e);
      long size = Files.size(dir.resolve("journal.log"));
      full.set(true);
      CommandResult failed = collect(e, "alice", "bottle_energy");
      assertThat(failed.success()).isFalse();
      assertThat(failed.errorCode()).isEqualTo("storage_unavailable");
      assertThat(failed.message()).contains("No space left on device");
      assertThat(worldJson(e)).isEqualTo(before);
      assertThat(Files.size(dir.resolve("journal.log"))).isEqualTo(size);
      full.set(false);
      assertThat(collect(e, "alice", "bottle_energy").success()).isTrue();
    }
  }

  @Test
  void gitHistoryCanResetToAnEarlierCommit() throws Exception {
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC());
         Snapshotter s = new Snapshotter(e)) {
      collect(e, "alice", "bottle_joy");
      assertThat(s.awaitCommitted(e.version(), 10_000)).isTrue();
      String commit = f.history().log(1).get(0).commit();
      collect(e, "alice", "bottle_energy");
      long v = e.version();
      CommandResult reset = e.submit(new Command("@reset", Json.object().set("args",
          Json.MAPPER.createArrayNode().add("commit").add(commit).add("CONFIRM")), "operator", true, null, null, null))
          .get(10, TimeUnit.SECONDS);
      assertThat(reset.success()).isTrue();
      assertThat(reset.version()).isEqualTo(v + 1);
      String inventory = e.read(st -> st.player("alice").path("player").path("inventory").toString()).get();
      assertThat(inventory).contains("bottle_joy").doesNotContain("bottle_energy");
    }
  }
}
