package dev.scrying.console.model.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.model.TraceBook;
import dev.scrying.experiences.Json;
import dev.scrying.scenarios.client.Direction;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.Transport;
import org.junit.jupiter.api.Test;

class FrameEventsTest {
  private final FrameEvents events = new FrameEvents(new TraceBook());

  private static Frame frame(Transport t, Direction d, String json, long at) {
    var j = Json.parse(json);
    return new Frame("alice", t, d, j.path("type").asText(), j, at);
  }

  @Test
  void aDeltaIsTimedFromTheHopItCarries() {
    StreamEvent e = events.of(frame(Transport.WEBSOCKET, Direction.IN, "{\"type\":\"world_update\",\"base_version\":3,"
        + "\"snapshot_version\":4,\"changes\":[{\"operation\":\"add\",\"path\":\"player.inventory\",\"instance_id\":\"bottle_joy\"}],"
        + "\"metadata\":{\"trace_id\":\"t\",\"trace\":{\"received\":1000}}}", 4_500));
    assertThat(e.source()).isEqualTo(Source.WEBSOCKET);
    assertThat(e.summary()).isEqualTo("v3→v4 · inventory + bottle_joy");
    assertThat(e.latencyMs()).isEqualTo(3.5);
    assertThat(e.traceId()).isEqualTo("t");
  }

  @Test
  void chatFramesAreTimedFromTheMessage() {
    events.of(frame(Transport.CHAT_SSE, Direction.OUT, "{\"message\":\"take the joy bottle\"}", 10_000));
    StreamEvent content = events.of(frame(Transport.CHAT_SSE, Direction.IN, "{\"type\":\"content\",\"content\":\"You take\"}", 1_210_000));
    assertThat(content.source()).isEqualTo(Source.CHAT);
    assertThat(content.summary()).isEqualTo("You take");
    assertThat(content.latencyMs()).isEqualTo(1200.0);
  }

  @Test
  void sentFramesSayTheyWereSent() {
    StreamEvent e = events.of(frame(Transport.WEBSOCKET, Direction.OUT,
        "{\"type\":\"action\",\"action\":\"collect_item\",\"instance_id\":\"bottle_joy\"}", 1));
    assertThat(e.summary()).isEqualTo("sent · collect_item bottle_joy");
    assertThat(e.hasLatency()).isFalse();
  }
}
