package dev.scrying.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up recovery: torn journal tails, corrupt snapshots and journals, leftover Git locks, disk errors. */
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

  @Test
  void corruptSnapshotIsRebuiltFromTheWholeJournal() throws Exception {
    String before;
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC());
         Snapshotter s = new Snapshotter(e)) {
      collect(e, "alice", "bottle_joy");
      collect(e, "bob", "bottle_energy");
      assertThat(s.awaitCommitted(e.version(), 10_000)).isTrue();
      before = worldJson(e);
    }
    assertThat(dir.resolve("snapshot.json")).exists();
    Files.writeString(dir.resolve("snapshot.json"), "{\"version\": 3, \"wor", StandardCharsets.UTF_8);
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE)) {
      Recovered r = f.recover(WW);
      assertThat(r.snapshotRecovered()).isTrue();
      assertThat(Json.write(r.state().toJson())).isEqualTo(before);
    }
  }

  @Test
  void leftoverGitLockIsRemovedAndHistoryContinues() throws Exception {
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC());
         Snapshotter s = new Snapshotter(e)) {
      collect(e, "alice", "bottle_joy");
      assertThat(s.awaitCommitted(e.version(), 10_000)).isTrue();
    }
    Files.writeString(dir.resolve(".git").resolve("index.lock"), "");
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC());
         Snapshotter s = new Snapshotter(e)) {
      assertThat(dir.resolve(".git").resolve("index.lock")).doesNotExist();
      collect(e, "alice", "bottle_energy");
      assertThat(s.awaitCommitted(e.version(), 10_000)).isTrue();
      var log = f.history().log(10);
      assertThat(log.get(0).message()).contains("collect_item bottle_energy by alice");
      assertThat(log.get(0).version()).isEqualTo(e.version());
    }
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
