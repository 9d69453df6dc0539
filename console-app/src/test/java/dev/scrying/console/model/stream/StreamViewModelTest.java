package dev.scrying.console.model.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.model.UiLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamViewModelTest {
  private final UiLoop ui = new UiLoop();
  private final List<RowsChange> changes = new ArrayList<>();
  private final List<StreamEvent> table = new ArrayList<>();

  private StreamViewModel model(int capacity) {
    StreamViewModel m = new StreamViewModel(ui.dispatch(), Runnable::run, capacity);
    m.rows().subscribe(c -> {
      changes.add(c);
      if (c.reset()) {
        table.clear();
      }
      table.subList(0, c.removedFromHead()).clear();
      table.addAll(c.appended());
    });
    return m;
  }

  static StreamEvent event(int n, Source source, String player, String type) {
    return new StreamEvent(n, source, player, type, type + " #" + n, Double.NaN, null, "{\"n\":" + n + "}");
  }

  @Test
  void aFloodReachesTheUiAsOneBatchPerTurn() {
    StreamViewModel m = model(1_000);
    for (int i = 0; i < 500; i++) {
      m.accept(event(i, Source.NATS, "alice", "world_update"));
    }
    ui.runPending();

    assertThat(changes).hasSize(1);
    assertThat(table).hasSize(500);
    assertThat(m.counts().get()).startsWith("500 shown · 500 kept of 500");
  }

  @Test
  void theRingKeepsTheNewestAndTheTableFollowsIt() {
    StreamViewModel m = model(3);
    for (int i = 0; i < 5; i++) {
      m.accept(event(i, Source.NATS, "alice", "world_update"));
      ui.runPending();
    }
    assertThat(table).extracting(StreamEvent::atMicros).containsExactly(2L, 3L, 4L);
    assertThat(m.visibleRows()).isEqualTo(table);
  }

  @Test
  void filtersBySourcePlayerTypeAndText() {
    StreamViewModel m = model(100);
    m.accept(event(1, Source.SERVER, "alice", "collect_item"));
    m.accept(event(2, Source.NATS, "alice", "world_update"));
    m.accept(event(3, Source.WEBSOCKET, "bob", "world_update"));
    m.accept(event(4, Source.CHAT, "bob", "content"));
    ui.runPending();
    assertThat(m.players().get()).containsExactly("alice", "bob");
    assertThat(m.types().get()).containsExactly("collect_item", "content", "world_update");

    m.setFilter(StreamFilter.ALL.withSources(EnumSet.of(Source.NATS, Source.WEBSOCKET)));
    assertThat(table).extracting(StreamEvent::atMicros).containsExactly(2L, 3L);
    m.setFilter(m.filter().get().withPlayer("bob"));
    assertThat(table).extracting(StreamEvent::atMicros).containsExactly(3L);
    m.setFilter(StreamFilter.ALL.withText("CONTENT #4"));
    assertThat(table).extracting(StreamEvent::atMicros).containsExactly(4L);
    m.setFilter(StreamFilter.ALL.withType("world_update"));
    assertThat(table).extracting(StreamEvent::atMicros).containsExactly(2L, 3L);

    m.accept(event(5, Source.NATS, "carol", "world_update"));
    m.accept(event(6, Source.NATS, "carol", "heartbeat"));
    ui.runPending();
    assertThat(table).extracting(StreamEvent::atMicros).containsExactly(2L, 3L, 5L);
  }

  @Test
  void pausingFreezesTheTableWithoutLosingEvents() {
    StreamViewModel m = model(100);
    m.accept(event(1, Source.NATS, "alice", "world_update"));
    ui.runPending();
    m.setPaused(true);
    for (int i = 2; i <= 4; i++) {
      m.accept(event(i, Source.NATS, "alice", "world_update"));
    }
    ui.runPending();
    assertThat(table).hasSize(1);
    assertThat(m.counts().get()).contains("paused, 3 new");

    m.setPaused(false);
    assertThat(table).extracting(StreamEvent::atMicros).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void selectingShowsThePrettyJson() {
    StreamViewModel m = model(10);
    m.select(event(7, Source.NATS, "alice", "world_update"));
    assertThat(m.selectedJson().get()).isEqualTo("{\n  \"n\" : 7\n}");
  }

  @Test
  void exportsTheVisibleRows(@TempDir Path dir) throws Exception {
    StreamViewModel m = model(10);
    m.accept(event(1, Source.NATS, "alice", "world_update"));
    m.accept(event(2, Source.CHAT, "bob", "content"));
    ui.runPending();
    m.setFilter(StreamFilter.ALL.withPlayer("bob"));

    assertThat(m.export(dir.resolve("s.jsonl"), ExportFormat.JSONL).get()).isEqualTo(1);
    assertThat(Files.readAllLines(dir.resolve("s.jsonl"))).singleElement().asString()
        .contains("\"source\":\"chat\"", "\"player\":\"bob\"", "\"data\":{\"n\":2}");
    m.export(dir.resolve("s.csv"), ExportFormat.CSV).get();
    assertThat(Files.readAllLines(dir.resolve("s.csv"))).containsExactly(StreamExport.CSV_HEADER,
        "1970-01-01T00:00:00.000002Z,Chat SSE,bob,content,content #2,,");
  }

  @Test
  void clearForgetsEverything() {
    StreamViewModel m = model(10);
    m.accept(event(1, Source.NATS, "alice", "world_update"));
    ui.runPending();
    m.clear();
    assertThat(table).isEmpty();
    assertThat(m.visibleRows()).isEmpty();
  }
}
