package dev.scrying.console.model.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.model.UiLoop;
import dev.scrying.console.model.Workers;
import dev.scrying.experiences.Json;
import dev.scrying.scenarios.client.Direction;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientStampsTest {
  private final UiLoop ui = new UiLoop();
  private final LatencyViewModel latency = new LatencyViewModel(ui.dispatch(), Workers.single("test-stamps"));
  private final ClientStamps stamps = new ClientStamps(latency);

  @AfterEach
  void close() {
    latency.close();
  }

  private static Frame frame(Direction d, String json, long at) {
    var j = Json.parse(json);
    return new Frame("alice", Transport.WEBSOCKET, d, j.path("type").asText(), j, at);
  }

  @Test
  void sendsAreMatchedToTheirDeltasInOrder() {
    stamps.frame(frame(Direction.OUT, "{\"type\":\"action\",\"action\":\"look\"}", 100));
    stamps.frame(frame(Direction.OUT, "{\"type\":\"action\",\"action\":\"collect_item\"}", 200));
    stamps.frame(frame(Direction.IN, "{\"type\":\"action_response\",\"metadata\":{\"trace_id\":\"look\"}}", 900));
    stamps.frame(frame(Direction.IN, "{\"type\":\"world_update\",\"metadata\":{\"trace_id\":\"take\",\"actor\":\"alice\","
        + "\"trace\":{\"received\":300,\"delivered\":700}}}", 1_200));
    stamps.frame(frame(Direction.IN, "{\"type\":\"action_response\",\"metadata\":{\"trace_id\":\"take\"}}", 1_300));

    ui.until(() -> latency.recent().get().size() == 2);
    ActionTrace take = latency.recent().get().stream().filter(t -> t.traceId().equals("take")).findFirst().orElseThrow();
    assertThat(take.hops()).containsEntry(Hop.CLIENT_SEND, 200L).containsEntry(Hop.RECEIVED, 300L)
        .containsEntry(Hop.DELIVERED, 700L).containsEntry(Hop.CLIENT_RECEIVED, 1_200L);
    ActionTrace look = latency.recent().get().stream().filter(t -> t.traceId().equals("look")).findFirst().orElseThrow();
    assertThat(look.hops()).containsEntry(Hop.CLIENT_SEND, 100L);
  }
}
