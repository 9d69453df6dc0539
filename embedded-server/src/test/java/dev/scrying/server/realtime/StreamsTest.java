package dev.scrying.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chat SSE ordering on every path, the persistent stream with Last-Event-ID, and stream lifecycles. */
class StreamsTest {
  @TempDir Path data;
  RealtimeFixture fx;

  @BeforeEach
  void start() throws Exception {
    fx = new RealtimeFixture(data, Duration.ofMillis(150));
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  SseTestClient chat(String user, String message) throws InterruptedException {
    SseTestClient c = SseTestClient.chat(fx.url(), fx.token(user), message);
    assertThat(c.closed.await(20, TimeUnit.SECONDS)).as("stream ended").isTrue();
    return c;
  }

  @Test
  void commandPathWorldUpdateBeforeNarrative() throws Exception {
    SseTestClient c = chat("alice", "take the joy bottle");
    List<String> types = c.dataTypes();
    assertThat(types.get(0)).isEqualTo("metadata");
    assertThat(c.frames.get(0).data().path("conversation_id").asText()).hasSizeGreaterThan(8);
    assertThat(types).contains("world_update", "content", "done");
    assertThat(types.indexOf("world_update")).isLessThan(types.indexOf("content"));
    assertThat(types.get(types.size() - 1)).isEqualTo("done");
    JsonNode timings = c.frames.get(types.lastIndexOf("metadata")).data();
    assertThat(timings.path("trace_id").asText()).isNotEmpty();
    assertThat(timings.path("world_update_ms").asDouble()).isLessThan(timings.path("time_to_first_chunk_ms").asDouble() + 1_000);
  }

  @Test
  void everyPathKeepsTheOrder() throws Exception {
    for (String message : List.of("talk to louisa", "look around", "dance wildly", "go to the counter", "@where")) {
      SseTestClient c = chat("bob", message);
      List<String> types = c.dataTypes();
      assertThat(types.get(0)).as(message).isEqualTo("metadata");
      assertThat(types.get(types.size() - 1)).as(message).isEqualTo("done");
      int firstContent = types.indexOf("content");
      int lastUpdate = types.lastIndexOf("world_update");
      if (lastUpdate >= 0 && firstContent >= 0) {
        assertThat(lastUpdate).as(message).isLessThan(firstContent);
      }
    }
    SseTestClient admin = SseTestClient.chat(fx.url(), fx.adminToken(), "@edit item bottle_joy visible false");
    assertThat(admin.closed.await(20, TimeUnit.SECONDS)).isTrue();
    assertThat(admin.dataTypes().get(admin.dataTypes().size() - 1)).isEqualTo("done");
  }

  @Test
  void othersUpdatesAreForwardedWhileTheStreamIsOpen() throws Exception {
    try (WsTestClient alice = new WsTestClient(fx.url(), fx.token("alice"), null)) {
      alice.next("area_of_interest");
      var narrator = (dev.scrying.server.narrative.OfflineNarrator) fx.server.runtime("wylding-woods").narrator();
      narrator.setPacing(new dev.scrying.server.narrative.NarratorPacing(Duration.ofSeconds(3), 30));
      SseTestClient bobChat = SseTestClient.chat(fx.url(), fx.token("bob"), "talk to louisa");
      await().atMost(Duration.ofSeconds(10)).until(() -> !bobChat.frames.isEmpty());
      alice.action("collect_item", "instance_id", "bottle_nature");
      alice.next("action_response");
      assertThat(bobChat.closed.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(bobChat.frames).anySatisfy(f -> assertThat(f.data().toString()).contains("bottle_nature"));
    }
  }

  @Test
  void statusListsWhoIsConnectedByKindAndTheJournalQueue() throws Exception {
    SseTestClient carol = SseTestClient.events(fx.url(), fx.token("carol"), null);
    try (WsTestClient alice = new WsTestClient(fx.url(), fx.token("alice"), null)) {
      alice.next("area_of_interest");
      await().atMost(Duration.ofSeconds(10)).until(() -> players(status()).size() == 2);
      JsonNode s = status();
      assertThat(s.path("connections").path("players_total").asInt()).isEqualTo(2);
      assertThat(players(s)).containsExactly("alice websocket=1", "carol events=1");
      assertThat(s.path("experiences").path("wylding-woods").path("journal_queue").asInt()).isZero();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> players(status()).equals(List.of("carol events=1")));
    carol.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> players(status()).isEmpty());
  }

  private JsonNode status() {
    var reply = dev.scrying.server.http.TestClient.raw(fx.url(), "GET", "/admin/status", null, fx.adminToken());
    assertThat(reply.status()).isEqualTo(200);
    return reply.body();
  }

  private static List<String> players(JsonNode status) {
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode p : status.path("connections").path("players")) {
      StringBuilder b = new StringBuilder(p.path("user_id").asText());
      p.fieldNames().forEachRemaining(k -> {
        if (!k.equals("user_id")) {
          b.append(' ').append(k).append('=').append(p.path(k).asInt());
        }
      });
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void persistentStreamSnapshotThenEventsThenExactReplay() throws Exception {
    SseTestClient first = SseTestClient.events(fx.url(), fx.token("carol"), null);
    await().atMost(Duration.ofSeconds(10)).until(() -> !first.frames.isEmpty());
    SseTestClient.Frame snapshot = first.frames.get(0);
    assertThat(snapshot.type()).isEqualTo("area_of_interest");
    assertThat(snapshot.id()).isEqualTo(snapshot.data().path("snapshot_version").asText());
    try (WsTestClient alice = new WsTestClient(fx.url(), fx.token("alice"), null)) {
      alice.next("area_of_interest");
      alice.action("collect_item", "instance_id", "bottle_joy");
      alice.next("action_response");
      await().atMost(Duration.ofSeconds(10)).until(() -> first.frames.toString().contains("bottle_joy"));
      first.close();
      long lastSeen = Long.parseLong(first.frames.get(first.frames.size() - 1).id());
      alice.action("collect_item", "instance_id", "bottle_energy");
      alice.next("action_response");
      alice.action("collect_item", "instance_id", "bottle_mystery");
      alice.next("action_response");
      SseTestClient back = SseTestClient.events(fx.url(), fx.token("carol"), lastSeen);
      await().atMost(Duration.ofSeconds(10)).until(() -> back.frames.toString().contains("bottle_mystery"));
      assertThat(back.frames).allSatisfy(f -> assertThat(f.type()).isEqualTo("world_update"));
      assertThat(back.frames.get(0).data().path("base_version").asLong()).isEqualTo(lastSeen);
      for (int i = 1; i < back.frames.size(); i++) {
        assertThat(back.frames.get(i).data().path("base_version").asLong())
            .isEqualTo(back.frames.get(i - 1).data().path("snapshot_version").asLong());
      }
      assertThat(back.frames.toString()).contains("bottle_energy").doesNotContain("\"bottle_joy\"");
      back.close();
    }
  }

  @Test
  void abandonedStreamsReleaseEverything() throws Exception {
    var monitor = fx.server.bus().monitor().orElseThrow();
    long baseline = playerSubscriptions(monitor);
    for (int i = 0; i < 1_000; i++) {
      // 200 players, 5 streams each: a player may hold at most 8 at once, and an abandoned stream is only
      // noticed on its next write.
      SseTestClient c = i % 2 == 0 ? SseTestClient.chat(fx.url(), fx.token("v" + (i % 200)), "look around")
          : SseTestClient.events(fx.url(), fx.token("v" + (i % 200)), null);
      if (i % 3 == 0) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !c.frames.isEmpty());
      }
      c.close();
    }
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      assertThat(fx.server.hub().count()).isZero();
      assertThat(playerSubscriptions(monitor)).isEqualTo(baseline);
    });
  }

  /** Subscriptions on players' subjects only: JetStream's own internal subscriptions come and go. */
  private static long playerSubscriptions(dev.scrying.server.bus.NatsMonitor monitor) throws Exception {
    return monitor.connections().clients().stream()
        .flatMap(c -> c.subjects().stream()).filter(s -> s.startsWith("world.updates.user.")).count();
  }

  @Test
  void chatSubscriptionLivesExactlyAsLongAsTheStream() throws Exception {
    var monitor = fx.server.bus().monitor().orElseThrow();
    var narrator = (dev.scrying.server.narrative.OfflineNarrator) fx.server.runtime("wylding-woods").narrator();
    narrator.setPacing(new dev.scrying.server.narrative.NarratorPacing(Duration.ofSeconds(2), 30));
    SseTestClient c = SseTestClient.chat(fx.url(), fx.token("erin"), "look around");
    await().atMost(Duration.ofSeconds(10)).until(() -> monitor.connections().clients().stream()
        .anyMatch(cl -> cl.subjects().contains("world.updates.user.erin")));
    assertThat(c.closed.await(20, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> monitor.connections().clients().stream()
        .noneMatch(cl -> cl.subjects().contains("world.updates.user.erin")));
  }

  @Test
  void traceEndpointHasEveryServerHop() throws Exception {
    SseTestClient c = chat("dave", "take the energy bottle");
    String traceId = c.frames.get(c.dataTypes().lastIndexOf("metadata")).data().path("trace_id").asText();
    var reply = dev.scrying.server.http.TestClient.raw(fx.url(), "GET", "/trace/" + traceId, null, fx.token("dave"));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("hops_us").fieldNames()).toIterable()
        .contains("received", "applied", "durable", "published", "delivered", "first_narrative", "done");
  }
}
