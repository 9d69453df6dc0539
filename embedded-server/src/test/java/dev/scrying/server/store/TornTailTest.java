package dev.scrying.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.Experience;
import dev.scrying.experiences.content.ExperienceLoader;
import dev.scrying.server.engine.Command;
import dev.scrying.server.engine.CommandResult;
import dev.scrying.server.engine.ExperienceEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash mid-append leaves a torn last line. The protection cuts it off before the next append; without
 * it, the next acknowledged entry is glued to the torn bytes and lost at the following restart. The
 * scenario counts acknowledged versions missing after two restarts, with the protection on (0) and off (>0).
 */
class TornTailTest {
  static final Experience WW = ExperienceLoader.loadBundled("wylding-woods");
  @TempDir Path dir;

  @Test
  void withTheRepairNoAcknowledgedEntryIsLost() throws Exception {
    assertThat(lostAfterATornTail()).isEmpty();
  }

  @Test
  void withoutTheRepairTheCheckCatchesTheLoss() throws Exception {
    String property = Protection.TORN_TAIL_REPAIR.property();
    System.setProperty(property, "true");
    try {
      assertThat(lostAfterATornTail()).as("acknowledged versions lost without the repair").isNotEmpty();
    } finally {
      System.clearProperty(property);
    }
  }

  /** Acknowledged versions that are not in the state after: ack, crash mid-append, restart, ack, restart. */
  private List<Long> lostAfterATornTail() throws Exception {
    List<Long> acked = new ArrayList<>();
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC())) {
      acked.add(collect(e, "bottle_joy").version());
    }
    Files.writeString(dir.resolve("journal.log"), "1badc0de {\"version\":3,\"timest", StandardOpenOption.APPEND);
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC())) {
      acked.add(collect(e, "bottle_energy").version());
    }
    List<Long> lost = new ArrayList<>();
    try (StateFolder f = new StateFolder(dir, StorageFaults.NONE); ExperienceEngine e = new ExperienceEngine(WW, f, Clock.systemUTC())) {
      for (long v : acked) {
        if (e.version() < v) {
          lost.add(v);
        }
      }
    } catch (StoreException refusedToStart) {
      return acked; // nothing acknowledged can be served
    }
    return lost;
  }

  private static CommandResult collect(ExperienceEngine e, String item) throws Exception {
    CommandResult r = e.submit(new Command("collect_item", Json.object().put("instance_id", item), "alice", false, null,
        null, null)).get(10, TimeUnit.SECONDS);
    assertThat(r.stateChanged()).isTrue();
    return r;
  }
}
