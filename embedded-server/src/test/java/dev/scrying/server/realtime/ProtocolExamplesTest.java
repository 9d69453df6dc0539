package dev.scrying.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plays one short session over every transport and writes each kind of frame it saw to
 * target/protocol-examples/, where docs/PROTOCOL.md's examples come from. Also checks the v0.4 keys
 * the Unity client reads (facts J9).
 */
class ProtocolExamplesTest {
  @TempDir Path data;

  @Test
  void recordsOneOfEveryFrame() throws Exception {
    Path out = Path.of("target", "protocol-examples");
    Files.createDirectories(out);
    try (RealtimeFixture fx = new RealtimeFixture(data, Duration.ofMillis(20));
         WsTestClient alice = new WsTestClient(fx.url(), fx.token("alice"), null);
         WsTestClient bob = new WsTestClient(fx.url(), fx.token("bob"), null)) {
      save(out, "ws-connected", alice.next("connected"));
      save(out, "ws-area_of_interest", alice.next("area_of_interest"));
      bob.next("area_of_interest");
      alice.action("collect_item", "instance_id", "bottle_joy");
      JsonNode update = alice.next("world_update");
      save(out, "ws-world_update-collect", update);
      JsonNode response = alice.next("action_response");
      save(out, "ws-action_response", response);
      save(out, "ws-quest_update", alice.next("quest_update"));
      save(out, "ws-world_update-zone-mate", bob.next("world_update"));
      alice.action("drop_item", "instance_id", "bottle_joy");
      save(out, "ws-world_update-drop", alice.next("world_update"));
      alice.send(Json.object().put("type", "ping").put("timestamp", 1));
      save(out, "ws-pong", alice.next("pong"));
      alice.send(Json.object().put("type", "get_commands"));
      save(out, "ws-commands_schema", alice.next("commands_schema"));
      alice.send(Json.object().put("type", "bogus"));
      save(out, "ws-error", alice.next("error"));
      save(out, "ws-heartbeat", alice.next("heartbeat"));

      assertThat(response.path("item_id").asText()).isEqualTo("bottle_joy");
      assertThat(update.path("version").isTextual()).isTrue();
      for (JsonNode c : update.path("changes")) {
        if (c.path("operation").asText().equals("remove")) {
          assertThat(c.has("area_of_interest")).isFalse();
          assertThat(c.fieldNames()).toIterable().contains("area_id", "spot_id", "instance_id");
        } else if (c.path("operation").asText().equals("add")) {
          assertThat(c.path("path").asText()).isEqualTo("player.inventory");
          assertThat(c.path("area_id").isNull()).isTrue();
          assertThat(c.path("item").path("type").asText()).isEqualTo("collectible");
        }
      }

      SseTestClient chat = SseTestClient.chat(fx.url(), fx.token("carol"), "take the energy bottle");
      assertThat(chat.closed.await(20, TimeUnit.SECONDS)).isTrue();
      StringBuilder sse = new StringBuilder();
      chat.frames.forEach(f -> sse.append("data: ").append(f.data()).append("\n\n"));
      Files.writeString(out.resolve("chat-sse.txt"), sse.toString());

      SseTestClient events = SseTestClient.events(fx.url(), fx.token("dave"), null);
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !events.frames.isEmpty());
      alice.action("collect_item", "instance_id", "bottle_mystery");
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.frames.size() >= 2);
      StringBuilder ev = new StringBuilder();
      events.frames.forEach(f -> ev.append("id: ").append(f.id()).append("\nevent: ").append(f.type())
          .append("\ndata: ").append(f.data()).append("\n\n"));
      Files.writeString(out.resolve("events-sse.txt"), ev.toString());
      events.close();
    }
  }

  private static void save(Path dir, String name, JsonNode frame) throws Exception {
    ObjectNode copy = frame.deepCopy();
    Files.writeString(dir.resolve(name + ".json"), Json.pretty(copy));
  }
}
