package dev.scrying.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.experiences.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 64 players grab the same bottle at once, 1,000 times: one winner each time, the bottle exists exactly once. */
class RaceTest {
  static final int PLAYERS = 64;
  static final int ROUNDS = 1_000;

  @TempDir Path dir;

  @Test
  void exactlyOneWinnerPerRound() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(PLAYERS);
    try (EngineFixture fx = new EngineFixture(dir, dev.scrying.server.store.StorageFaults.NONE)) {
      for (int p = 0; p < PLAYERS; p++) {
        fx.run("p" + p, Commands.JOIN);
      }
      for (int round = 0; round < ROUNDS; round++) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<CommandResult>> results = new ArrayList<>();
        for (int p = 0; p < PLAYERS; p++) {
          String user = "p" + p;
          results.add(CompletableFuture.supplyAsync(() -> {
            try {
              go.await();
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
            return EngineFixture.await(fx.engine.submit(new Command("collect_item",
                Json.object().put("instance_id", "bottle_joy"), user, false, null, null, null)));
          }, pool));
        }
        go.countDown();
        List<CommandResult> done = results.stream().map(CompletableFuture::join).toList();
        List<CommandResult> winners = done.stream().filter(CommandResult::success).toList();
        assertThat(winners).as("round %d", round).hasSize(1);
        assertThat(copies(fx, "bottle_joy")).as("round %d", round).isEqualTo(1);
        assertThat(fx.run(winners.get(0).userId(), "drop_item", "instance_id", "bottle_joy").success()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static long copies(EngineFixture fx, String id) {
    return EngineFixture.await(fx.engine.read(s -> {
      long inWorld = WorldQuery.itemsIn(s.world(), WorldQuery.allSpots(s.world())).stream()
          .filter(l -> l.instanceId().equals(id)).count();
      long held = s.players().values().stream().flatMap(v -> {
        List<String> ids = new ArrayList<>();
        v.path("player").path("inventory").forEach(i -> ids.add(i.path("instance_id").asText()));
        return ids.stream();
      }).filter(id::equals).count();
      return inWorld + held;
    }));
  }
}
