package dev.scrying.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.experiences.protocol.WorldUpdateEvent;
import dev.scrying.server.store.StorageFaults;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each recipient's chain continues across a restart: the first event after it links to the last one before. */
class ChainsAcrossRestartTest {
  @TempDir Path dir;

  @Test
  void firstEventAfterARestartLinksToTheLastBeforeIt() throws Exception {
    long lastBefore;
    try (EngineFixture fx = new EngineFixture(dir, StorageFaults.NONE)) {
      fx.run("alice", Commands.JOIN);
      fx.run("bob", Commands.JOIN);
      CommandResult taken = fx.run("alice", "collect_item", "instance_id", "bottle_mystery");
      assertThat(taken.stateChanged()).isTrue();
      lastBefore = taken.eventFor("bob").orElseThrow().snapshotVersion();
    }
    try (EngineFixture fx = new EngineFixture(dir, StorageFaults.NONE)) {
      CommandResult dropped = fx.run("alice", "drop_item", "instance_id", "bottle_mystery");
      WorldUpdateEvent forBob = dropped.eventFor("bob").orElseThrow();
      assertThat(forBob.baseVersion()).isEqualTo(lastBefore);
    }
  }
}
