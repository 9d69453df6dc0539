package dev.scrying.console.model.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.model.TraceBook;
import dev.scrying.console.session.BusMessage;
import dev.scrying.console.session.ServerAction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamEventsTest {
  private final StreamEvents events = new StreamEvents(new TraceBook());

  @Test
  void anActionSaysWhatItDidAndHowLongTheServerTook() {
    ServerAction a = new ServerAction(12, "alice", "collect_item", true, true, "You take it.", "t1",
        Map.of("received", 1_000L, "durable", 3_500L), 2, "{\"command\":{\"action\":\"collect_item\",\"instance_id\":\"bottle_joy\"}}",
        4_000, true);
    StreamEvent e = events.action(a);
    assertThat(e.summary()).isEqualTo("collect_item bottle_joy → v12");
    assertThat(e.latencyMs()).isEqualTo(2.5);
    assertThat(e.source()).isEqualTo(Source.SERVER);
  }

  @Test
  void aNatsMessageIsTimedFromTheActionBehindIt() {
    events.action(new ServerAction(12, "alice", "collect_item", true, true, "", "t1", Map.of("received", 1_000L), 1,
        "{}", 2_000, true));
    StreamEvent e = events.bus(new BusMessage("world.updates.user.bob", "{\"type\":\"world_update\",\"base_version\":11,"
        + "\"snapshot_version\":12,\"changes\":[{\"operation\":\"remove\",\"spot_id\":\"spot_3\",\"instance_id\":"
        + "\"bottle_joy\"}],\"metadata\":{\"trace_id\":\"t1\"}}", 5_000));
    assertThat(e.player()).isEqualTo("bob");
    assertThat(e.summary()).isEqualTo("world.updates.user.bob · v11→v12 · bottle_joy left spot_3");
    assertThat(e.latencyMs()).isEqualTo(4.0);
  }

  @Test
  void anActionReadFromGitSaysSo() {
    ServerAction a = new ServerAction(3, "bob", "go", true, true, "v3 go clearing by bob", null, Map.of(), 0, "{}", 0, false);
    assertThat(events.action(a).summary()).endsWith("(from Git)");
    assertThat(events.action(a).hasLatency()).isFalse();
  }
}
