package dev.scrying.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.experiences.Json;
import dev.scrying.server.store.Journal;
import dev.scrying.server.store.JournalEntry;
import dev.scrying.server.store.StorageFaults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G2: 1,000 actions, each sent three times at once (a client retrying while the first is in flight),
 * then all of them once more after a restart. Every copy gets the same answer, one of them applies,
 * and the journal holds exactly one entry per request id.
 */
class ConcurrentRetryTest {
  private static final int ACTIONS = 1_000;
  private static final int COPIES = 3;
  private static final List<String> ITEMS = List.of("bottle_mystery", "bottle_energy", "bottle_joy", "bottle_nature");
  @TempDir Path dir;

  record Sent(String user, String requestId, Command command) {}

  @Test
  void concurrentAndPostRestartRetriesApplyOnceAndAnswerAlike() throws Exception {
    List<Sent> sent = new ArrayList<>();
    for (int i = 0; i < ACTIONS; i++) {
      int player = i % ITEMS.size();
      String user = "p" + player;
      String action = (i / ITEMS.size()) % 2 == 0 ? "collect_item" : "drop_item";
      String id = "req-" + i;
      sent.add(new Sent(user, id, new Command(action, Json.object().put("instance_id", ITEMS.get(player)), user, false,
          id, null, null)));
    }
    Map<String, Long> firstVersions;
    long before;
    long after;
    ExecutorService senders = Executors.newFixedThreadPool(COPIES);
    try (EngineFixture fx = new EngineFixture(dir, StorageFaults.NONE)) {
      before = fx.engine.version();
      List<List<CompletableFuture<CommandResult>>> answers = new ArrayList<>();
      for (Sent s : sent) {
        List<CompletableFuture<CommandResult>> copies = new ArrayList<>();
        for (int c = 0; c < COPIES; c++) {
          copies.add(CompletableFuture.supplyAsync(() -> fx.engine.submit(s.command()), senders)
              .thenCompose(Function.identity()));
        }
        answers.add(copies);
      }
      int applied = 0;
      for (int i = 0; i < ACTIONS; i++) {
        List<CommandResult> copies = answers.get(i).stream().map(EngineFixture::await).toList();
        assertThat(copies).as("request %s", sent.get(i).requestId())
            .extracting(CommandResult::version, CommandResult::success, CommandResult::stateChanged)
            .containsOnly(org.assertj.core.groups.Tuple.tuple(copies.get(0).version(), copies.get(0).success(),
                copies.get(0).stateChanged()));
        assertThat(copies.stream().filter(r -> !r.duplicate()).count()).as("one copy applied").isEqualTo(1);
        applied += copies.get(0).stateChanged() ? 1 : 0;
      }
      after = fx.engine.version();
      assertThat(after - before).as("one version per applied action, none per retry").isEqualTo(applied);
      firstVersions = sent.stream().collect(Collectors.toMap(Sent::requestId,
          s -> EngineFixture.await(fx.engine.submit(s.command())).version()));
    } finally {
      senders.shutdownNow();
    }
    try (EngineFixture fx = new EngineFixture(dir, StorageFaults.NONE)) {
      for (Sent s : sent) {
        CommandResult again = EngineFixture.await(fx.engine.submit(s.command()));
        assertThat(again.duplicate()).as("after the restart %s", s.requestId()).isTrue();
        assertThat(again.version()).isEqualTo(firstVersions.get(s.requestId()));
      }
      assertThat(fx.engine.version()).as("retries after the restart change nothing").isEqualTo(after);
    }
    List<JournalEntry> journal = Journal.read(dir.resolve("journal.log"));
    Map<String, Long> perRequest = journal.stream().filter(e -> e.requestId() != null)
        .collect(Collectors.groupingBy(JournalEntry::requestId, Collectors.counting()));
    assertThat(perRequest.values()).as("journal entries per request id").containsOnly(1L);
    System.out.printf("RELIABILITY G2: %d actions x %d concurrent copies + 1 after a restart: %d applied, %d versions,"
        + " every copy answered alike, 1 journal entry per request id, 0 duplicates applied%n", ACTIONS, COPIES,
        perRequest.size(), after - before);
  }
}
