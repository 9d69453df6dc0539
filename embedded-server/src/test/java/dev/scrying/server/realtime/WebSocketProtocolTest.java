package dev.scrying.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Unity WebSocket protocol over a real OkHttp client: message set, ordering, fan-out, resync, reset. */
class WebSocketProtocolTest {
  @TempDir Path data;
  RealtimeFixture fx;

  @BeforeEach
  void start() throws Exception {
    fx = new RealtimeFixture(data, Duration.ofMillis(10));
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void connectedThenAreaOfInterestThenOrderedActionFrames() throws Exception {
    try (WsTestClient c = new WsTestClient(fx.url(), fx.token("alice"), null)) {
      JsonNode connected = c.next("connected");
      assertThat(c.extensions).as("OkHttp offers permessage-deflate; the server declines it").isEmpty();
      assertThat(connected.path("user_id").asText()).isEqualTo("alice");
      JsonNode aoi = c.next("area_of_interest");
      assertThat(aoi.path("zone").path("id").asText()).isEqualTo("woander_store");
      assertThat(aoi.path("areas").path("main_room").path("spots").path("spot_3").path("items").get(0)
          .path("instance_id").asText()).isEqualTo("bottle_joy");
      assertThat(c.types().subList(0, 2)).containsExactly("connected", "area_of_interest");

      c.action("collect_item", "instance_id", "bottle_joy");
      JsonNode update = c.next("world_update");
      JsonNode response = c.next("action_response");
      assertThat(update.path("version").asText()).isEqualTo("0.4");
      assertThat(update.path("base_version").asLong()).isEqualTo(aoi.path("snapshot_version").asLong());
      assertThat(update.path("changes")).isNotEmpty();
      assertThat(update.path("changes").findValuesAsText("operation")).contains("remove", "add");
      assertThat(response.path("success").asBoolean()).isTrue();
      assertThat(response.path("item_id").asText()).isEqualTo("bottle_joy");
      List<String> types = c.types();
      assertThat(types.indexOf("world_update")).isLessThan(types.indexOf("action_response"));
      JsonNode quest = c.next("quest_update");
      assertThat(quest.path("bottles_total").asInt()).isEqualTo(4);
    }
  }

  @Test
  void zoneMatesGetTheWorldPartOnlyAndEveryConnectionOfAPlayerGetsEvents() throws Exception {
    try (WsTestClient alice = new WsTestClient(fx.url(), fx.token("alice"), null);
         WsTestClient bob = new WsTestClient(fx.url(), fx.token("bob"), null);
         WsTestClient bob2 = new WsTestClient(fx.url(), fx.token("bob"), null)) {
      alice.next("area_of_interest");
      bob.next("area_of_interest");
      bob2.next("area_of_interest");
      alice.action("collect_item", "instance_id", "bottle_joy");
      alice.next("action_response");
      for (WsTestClient b : List.of(bob, bob2)) {
        JsonNode seen = nextWith(b, "bottle_joy");
        assertThat(seen.path("user_id").asText()).isEqualTo("bob");
        assertThat(seen.path("changes").findValuesAsText("path")).doesNotContain("player.inventory");
        assertThat(seen.path("changes").get(0).path("operation").asText()).isEqualTo("remove");
      }
    }
  }

  @Test
  void protocolErrorsAndUtilityMessages() throws Exception {
    try (WsTestClient c = new WsTestClient(fx.url(), fx.token("alice"), null)) {
      c.next("area_of_interest");
      c.socket.send("{nope");
      assertThat(c.next("error").path("code").asText()).isEqualTo("invalid_json");
      c.send(Json.object().put("no_type", 1));
      assertThat(c.next("error").path("code").asText()).isEqualTo("missing_type");
      c.send(Json.object().put("type", "dance"));
      assertThat(c.next("error").path("code").asText()).isEqualTo("unknown_message_type");
      c.send(Json.object().put("type", "action"));
      assertThat(c.next("error").path("code").asText()).isEqualTo("missing_action");
      c.send(Json.object().put("type", "update_location").put("lat", "x"));
      assertThat(c.next("error").path("code").asText()).isEqualTo("missing_coordinates");
      c.send(Json.object().put("type", "ping").put("timestamp", 42));
      assertThat(c.next("pong").path("client_timestamp").asLong()).isEqualTo(42);
      c.send(Json.object().put("type", "get_commands"));
      JsonNode schema = c.next("commands_schema");
      assertThat(schema.path("commands").has("collect_item")).isTrue();
      assertThat(schema.path("commands").has("@reset")).isFalse();
      c.send(Json.object().put("type", "resync"));
      assertThat(c.next("area_of_interest").path("snapshot_version").asLong()).isPositive();
    }
    try (WsTestClient bad = new WsTestClient(fx.url(), "forged", null)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> bad.closeCode >= 0);
      assertThat(bad.closeCode).isEqualTo(1008);
    }
  }

  @Test
  void gpsUpdateMovesBetweenZonesWithAFreshAreaOfInterest() throws Exception {
    try (WsTestClient c = new WsTestClient(fx.url(), fx.token("alice"), null)) {
      c.next("area_of_interest");
      JsonNode clearing = fx.server.runtime("wylding-woods").experience().worldTemplate().path("locations").path("clearing").path("gps");
      c.send(Json.object().put("type", "update_location").put("lat", clearing.path("lat").asDouble())
          .put("lng", clearing.path("lng").asDouble()));
      JsonNode aoi = c.next("area_of_interest");
      assertThat(aoi.path("zone").path("id").asText()).isEqualTo("clearing");
      c.send(Json.object().put("type", "update_location").put("lat", 37.906512).put("lng", -122.544217));
      assertThat(c.next("area_of_interest").path("zone").path("id").asText()).isEqualTo("woander_store");
    }
  }

  @Test
  void sinceVersionReplaysExactlyTheMissedEvents() throws Exception {
    long seen;
    try (WsTestClient c = new WsTestClient(fx.url(), fx.token("bob"), null)) {
      seen = c.next("area_of_interest").path("snapshot_version").asLong();
    }
    try (WsTestClient alice = new WsTestClient(fx.url(), fx.token("alice"), null)) {
      alice.next("area_of_interest");
      alice.action("collect_item", "instance_id", "bottle_joy");
      alice.next("action_response");
      alice.action("collect_item", "instance_id", "bottle_energy");
      alice.next("action_response");
    }
    try (WsTestClient back = new WsTestClient(fx.url(), fx.token("bob"), "since_version=" + seen)) {
      back.next("connected");
      long expectedBase = seen;
      StringBuilder removed = new StringBuilder();
      while (!(removed.toString().contains("bottle_joy") && removed.toString().contains("bottle_energy"))) {
        JsonNode e = back.next("world_update");
        assertThat(e.path("base_version").asLong()).as("gapless chain").isEqualTo(expectedBase);
        assertThat(e.path("snapshot_version").asLong()).isGreaterThan(expectedBase);
        expectedBase = e.path("snapshot_version").asLong();
        e.path("changes").forEach(ch -> {
          if (ch.path("operation").asText().equals("remove")) {
            removed.append(ch.path("instance_id").asText()).append(' ');
          }
        });
      }
      assertThat(back.types()).doesNotContain("area_of_interest");
      assertThat(back.frames.stream().filter(f -> f.path("type").asText().equals("world_update")).toList())
          .as("no duplicates after the replay").isEmpty();
    }
  }

  @Test
  void resetGivesEveryClientAFreshSnapshot() throws Exception {
    try (WsTestClient alice = new WsTestClient(fx.url(), fx.token("alice"), null);
         WsTestClient admin = new WsTestClient(fx.url(), fx.adminToken(), null)) {
      alice.next("area_of_interest");
      admin.next("area_of_interest");
      alice.action("collect_item", "instance_id", "bottle_joy");
      alice.next("action_response");
      admin.action("@reset experience CONFIRM");
      assertThat(admin.next("action_response").path("success").asBoolean()).isTrue();
      JsonNode update = alice.next("world_update");
      assertThat(update.path("changes").get(0).path("operation").asText()).isEqualTo("replace");
      JsonNode aoi = alice.next("area_of_interest");
      assertThat(aoi.path("snapshot_version").asLong()).isEqualTo(update.path("snapshot_version").asLong());
      assertThat(aoi.path("player").path("inventory")).isEmpty();
      assertThat(aoi.path("areas").path("main_room").path("spots").path("spot_3").path("items")).hasSize(1);
    }
  }

  private static JsonNode nextWith(WsTestClient c, String text) throws InterruptedException {
    while (true) {
      JsonNode n = c.next("world_update");
      if (n.toString().contains(text)) {
        return n;
      }
    }
  }
}
