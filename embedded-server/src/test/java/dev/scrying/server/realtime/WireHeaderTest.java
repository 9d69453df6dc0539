package dev.scrying.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The head of a published frame is read without parsing it, and anything else is left to the full parser. */
class WireHeaderTest {
  private static WorldUpdateEvent event(String experience, String user, long base, long snapshot) {
    return new WorldUpdateEvent(experience, user, base, snapshot, Json.MAPPER.createArrayNode(), 1_700_000_000_000L,
        Json.object().put("actor", user).put("trace_id", "t-1"));
  }

  private static byte[] wire(WorldUpdateEvent e) {
    return WireEncoding.worldUpdate(e, WireEncoding.hops(Map.of("received", 5L)))
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsTheRoutingFieldsOfAnEncodedFrame() {
    WireHeader h = WireHeader.parse(wire(event("wylding-woods", "guest_7-b", 41, 1_234_567_890_123L)));
    assertThat(h).isEqualTo(new WireHeader("wylding-woods", "guest_7-b", 41, 1_234_567_890_123L));
    assertThat(Json.parse(wire(event("x", "y", 0, 1))).path("metadata").path("trace").path("received").asLong())
        .as("the frame stays valid JSON with its trace").isEqualTo(5);
  }

  @Test
  void anythingElseIsLeftToTheFullParser() {
    String good = new String(wire(event("wylding-woods", "alice", 3, 4)), StandardCharsets.UTF_8);
    for (String bad : new String[] {
        "", "{", "{\"type\":\"world_update\"}", good.replace("\"alice\"", "\"al\\u0069ce\""),
        good.replace("\"0.4\"", "\"0.5\""), good.replace("\"base_version\":3", "\"base_version\":-3"),
        good.replace(",\"snapshot_version\":4,", ",\"snapshot_version\":4}"), good.substring(0, good.indexOf("snapshot")),
        good.replace("\"experience\":\"wylding-woods\"", "\"experience\":\"\""),
        good.replace("\"base_version\":3", "\"base_version\":12345678901234567890")}) {
      assertThat(WireHeader.parse(bad.getBytes(StandardCharsets.UTF_8))).as(bad).isNull();
    }
  }
}
