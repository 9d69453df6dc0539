package dev.scrying.scenarios.client;

import static dev.scrying.scenarios.client.ClientTesting.EXP;
import static dev.scrying.scenarios.client.ClientTesting.await;
import static dev.scrying.scenarios.client.ClientTesting.converged;
import static dev.scrying.scenarios.client.ClientTesting.spotItems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.scenarios.local.EmbeddedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client library against one real server (port 0, temp data folder, managed NATS): every test
 * resets the experience first and uses its own player names.
 */
class SimulatedPlayerTest {
  static EmbeddedServer embedded;
  static ServerHandle server;
  static final AtomicInteger names = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    embedded = EmbeddedServer.start(EmbeddedServer.TEST_PACING);
    server = ServerHandle.connect(embedded.baseUrl(), null);
  }

  @AfterAll
  static void stop() {
    server.close();
    embedded.close();
  }

  @BeforeEach
  void reset() {
    JsonNode r = server.post("/admin/experience/" + EXP + "/reset", Json.object().put("scope", "experience").put("confirm", true));
    assertThat(r.path("success").asBoolean()).isTrue();
  }

  static String name(String base) {
    return base + names.incrementAndGet();
  }

  @Test
  void connectsActsAndTheMirrorEqualsTheServersView() throws Exception {
    try (SimulatedPlayer alice = SimulatedPlayer.connect(server, EXP, name("alice"))) {
      assertThat(alice.mirrorVersion()).isPositive();
      assertThat(alice.mirror().path("zone").path("id").asText()).isEqualTo("woander_store");

      ActionResult r = await(alice.act("collect_item", Map.of("instance_id", "bottle_joy")));

      assertThat(r.success()).isTrue();
      assertThat(r.message()).isEqualTo("You collected Bottle of Joy.");
      assertThat(r.itemId()).isEqualTo("bottle_joy");
      assertThat(r.worldUpdate()).as("own delta recorded").isNotNull();
      assertThat(r.worldUpdateAtMicros()).isBetween(r.sentAtMicros(), r.respondedAtMicros());
      assertThat(alice.mirror().path("player").path("inventory").get(0).path("instance_id").asText()).isEqualTo("bottle_joy");
      assertThat(converged(alice).matches()).isTrue();
      assertThat(alice.chainProblems()).isEmpty();
      assertThat(alice.latencies().count(LatencyMetric.ACTION_TO_WORLD_UPDATE)).isEqualTo(1);
      // Server race (see the scenarios report): the actor's own delta sometimes goes out before its trace
      // is registered, without metadata.trace. Hops are recorded exactly when the frame carries them.
      boolean traced = r.worldUpdate().path("metadata").has("trace");
      assertThat(alice.latencies().count(LatencyMetric.HOP_DURABLE)).isEqualTo(traced ? 1 : 0);
      if (traced) {
        assertThat(alice.latencies().percentileMillis(LatencyMetric.HOP_RECEIVED, 50))
            .isLessThanOrEqualTo(alice.latencies().percentileMillis(LatencyMetric.HOP_DURABLE, 50));
      }
    }
  }

  @Test
  void refusalsAreResultsNotFailures() throws Exception {
    try (SimulatedPlayer bob = SimulatedPlayer.connect(server, EXP, name("bob"))) {
      ActionResult forbidden = await(bob.say("@reset experience CONFIRM"));
      assertThat(forbidden.success()).isFalse();
      assertThat(forbidden.errorCode()).isEqualTo("forbidden");
      ActionResult unknown = await(bob.act("collect_item", Map.of("instance_id", "golden_chalice")));
      assertThat(unknown.success()).isFalse();
      assertThat(unknown.worldUpdate()).isNull();
      ActionResult badField = await(bob.act("collect_item", Map.of("instance_id", Map.of("nested", 1))));
      assertThat(badField.errorCode()).isEqualTo("invalid_field");
      assertThat(await(bob.act("collect_item", Map.of("instance_id", "bottle_joy"))).success())
          .as("the connection survives bad input").isTrue();
    }
  }

  @Test
  void anAdminPlayerCanResetOverTheWebSocket() throws Exception {
    SimulatedPlayer.Options admin = SimulatedPlayer.Options.webSocketPlayer().withAdmin(true);
    try (SimulatedPlayer op = SimulatedPlayer.connect(server, EXP, name("op"), admin);
         SimulatedPlayer guest = SimulatedPlayer.connect(server, EXP, name("guest"))) {
      await(guest.act("collect_item", Map.of("instance_id", "bottle_nature")));
      ActionResult reset = await(op.say("@reset experience CONFIRM"));
      assertThat(reset.success()).isTrue();
      MirrorComparison c = converged(guest);
      assertThat(c.matches()).as(String.join("\n", c.differences())).isTrue();
      assertThat(guest.mirror().path("player").path("inventory")).isEmpty();
      assertThat(guest.chainProblems()).isEmpty();
    }
  }

  @Test
  void concurrentActionsFromManyThreadsGetTheirOwnAnswers() throws Exception {
    List<String> items = List.of("bottle_mystery", "bottle_energy", "bottle_joy", "bottle_nature", "health_potion_1");
    try (SimulatedPlayer hana = SimulatedPlayer.connect(server, EXP, name("hana"))) {
      List<java.util.concurrent.CompletableFuture<ActionResult>> results = items.parallelStream()
          .map(item -> hana.act("collect_item", Map.of("instance_id", item))).toList();
      for (int i = 0; i < items.size(); i++) {
        ActionResult r = await(results.get(i));
        assertThat(r.success()).isTrue();
        assertThat(r.itemId()).isEqualTo(items.get(i));
        assertThat(r.worldUpdate().toString()).contains(items.get(i));
      }
      assertThat(converged(hana).matches()).isTrue();
      assertThat(hana.mirror().path("player").path("inventory")).hasSize(items.size());
      assertThat(hana.chainProblems()).isEmpty();
    }
  }

  @Test
  void twoPlayersSeeEachOthersWorldChanges() throws Exception {
    ClientTesting.Recording bobFrames = new ClientTesting.Recording();
    try (SimulatedPlayer alice = SimulatedPlayer.connect(server, EXP, name("alice"));
         SimulatedPlayer bob = SimulatedPlayer.connect(server, EXP, name("bob"))) {
      bob.addListener(bobFrames);
      await(alice.act("collect_item", Map.of("instance_id", "bottle_energy")));
      await().atMost(Duration.ofSeconds(10)).until(() -> bobFrames.frames.stream()
          .anyMatch(f -> f.type().equals("world_update") && f.json().toString().contains("bottle_energy")));
      assertThat(converged(bob).matches()).isTrue();
      assertThat(bob.mirror().at("/areas/main_room/spots/spot_2/items")).isEmpty();
      assertThat(bob.mirror().path("players").has(alice.userId())).as("presence").isTrue();

      await(bob.act("collect_item", Map.of("instance_id", "bottle_mystery")));
      assertThat(converged(alice).matches()).isTrue();
      assertThat(alice.mirror().at("/areas/main_room/spots/spot_1/items")).isEmpty();
      assertThat(spotItems(server, "spot_1")).isEmpty();
      assertThat(alice.chainProblems()).isEmpty();
      assertThat(bob.chainProblems()).isEmpty();
    }
  }

  @Test
  void reconnectWithSinceVersionLosesNothing() throws Exception {
    ClientTesting.Recording bobFrames = new ClientTesting.Recording();
    try (SimulatedPlayer alice = SimulatedPlayer.connect(server, EXP, name("alice"));
         SimulatedPlayer bob = SimulatedPlayer.connect(server, EXP, name("bob"))) {
      bob.addListener(bobFrames);
      bob.disconnect();
      assertThat(bob.isConnected()).isFalse();
      assertThatThrownBy(() -> await(bob.act("look", Map.of()))).hasCauseInstanceOf(ServerException.class);
      long before = bob.mirrorVersion();
      await(alice.act("collect_item", Map.of("instance_id", "bottle_joy")));
      await(alice.act("collect_item", Map.of("instance_id", "bottle_nature")));
      bobFrames.clear();

      bob.reconnect();

      assertThat(bob.isConnected()).isTrue();
      MirrorComparison c = converged(bob);
      assertThat(c.matches()).as(String.join("\n", c.differences())).isTrue();
      assertThat(bob.mirrorVersion()).isGreaterThan(before);
      List<String> in = bobFrames.types(Transport.WEBSOCKET, Direction.IN);
      assertThat(in).as("missed events replayed, not a fresh snapshot").contains("connected", "world_update")
          .doesNotContain("area_of_interest");
      assertThat(bob.chainProblems()).isEmpty();
      assertThat(bobFrames.states).contains("WEBSOCKET CONNECTING", "WEBSOCKET OPEN");
    }
  }

  @Test
  void operatorCutClosesWith4000AndTheClientResumes() throws Exception {
    try (SimulatedPlayer carol = SimulatedPlayer.connect(server, EXP, name("carol"))) {
      server.post("/admin/faults/cut", Json.object().put("user_id", carol.userId()));
      WebSocketClose close = await(carol.closed());
      assertThat(close.code()).isEqualTo(4000);
      carol.reconnect();
      assertThat(await(carol.act("collect_item", Map.of("instance_id", "bottle_joy"))).success()).isTrue();
      assertThat(converged(carol).matches()).isTrue();
    }
  }

  @Test
  void withAPolicyADroppedPlayerComesBackOnItsOwnButAnOperatorCutStaysCut() throws Exception {
    SimulatedPlayer.Options auto = SimulatedPlayer.Options.webSocketPlayer()
        .withReconnect(ReconnectPolicy.jittered(Duration.ofMillis(50), Duration.ofMillis(200), 2));
    ClientTesting.Recording rec = new ClientTesting.Recording();
    try (SimulatedPlayer alice = SimulatedPlayer.connect(server, EXP, name("alice"));
         SimulatedPlayer ivy = SimulatedPlayer.connect(server, EXP, name("ivy"), auto)) {
      ivy.addListener(rec);
      ivy.disconnect();
      await(alice.act("collect_item", Map.of("instance_id", "bottle_joy")));
      await().atMost(Duration.ofSeconds(10)).until(() -> ivy.isConnected() && !ivy.isReconnecting());
      MirrorComparison c = converged(ivy);
      assertThat(c.matches()).as(String.join("\n", c.differences())).isTrue();
      assertThat(rec.types(Transport.WEBSOCKET, Direction.IN)).as("resumed with since_version, not a fresh snapshot")
          .contains("connected", "world_update").doesNotContain("area_of_interest");
      assertThat(ivy.chainProblems()).isEmpty();

      server.post("/admin/faults/cut", Json.object().put("user_id", ivy.userId()));
      assertThat(await(ivy.closed()).code()).isEqualTo(4000);
      // The drop is judged before closed() completes, so this is not a race: no cycle was started.
      assertThat(ivy.isReconnecting()).isFalse();
      assertThat(ivy.isConnected()).isFalse();
    }
  }

  @Test
  void chatStreamsWorldUpdateBeforeNarrative() throws Exception {
    try (SimulatedPlayer dave = SimulatedPlayer.connect(server, EXP, name("dave"))) {
      ChatResult chat = await(dave.chat("take the joy bottle"));

      List<String> types = chat.types();
      assertThat(types.get(0)).isEqualTo("metadata");
      assertThat(types.get(types.size() - 1)).isEqualTo("done");
      assertThat(types.indexOf("world_update")).isNotNegative().isLessThan(types.indexOf("content"));
      assertThat(chat.success()).isTrue();
      assertThat(chat.conversationId()).isNotBlank();
      assertThat(chat.traceId()).isNotBlank();
      assertThat(chat.text()).contains("Bottle of Joy");
      assertThat(chat.changedWorld()).isTrue();
      assertThat(chat.firstWorldUpdateAtMicros()).isLessThan(chat.firstContentAtMicros());
      assertThat(dave.latencies().count(LatencyMetric.CHAT_TO_FIRST_CONTENT)).isEqualTo(1);
      assertThat(converged(dave).matches()).as("the WebSocket mirror saw the chat's change too").isTrue();

      ChatResult ask = await(dave.chat("take the dream bottle"));
      assertThat(ask.text()).contains("Which bottle");
      assertThat(ask.worldUpdates()).isEmpty();
      assertThat(ask.changedWorld()).isFalse();
    }
  }

  @Test
  void eventStreamPlayerResumesWithLastEventId() throws Exception {
    SimulatedPlayer.Options eventsOnly = SimulatedPlayer.Options.webSocketPlayer().withWebSocket(false).withEventStream(true);
    ClientTesting.Recording erinFrames = new ClientTesting.Recording();
    try (SimulatedPlayer alice = SimulatedPlayer.connect(server, EXP, name("alice"));
         SimulatedPlayer erin = SimulatedPlayer.connect(server, EXP, name("erin"), eventsOnly)) {
      erin.addListener(erinFrames);
      assertThat(erin.mirrorVersion()).isPositive();
      await(alice.act("collect_item", Map.of("instance_id", "bottle_joy")));
      assertThat(converged(erin).matches()).isTrue();

      erin.closeEventStream();
      String resumeFrom = erin.lastEventId();
      await(alice.act("collect_item", Map.of("instance_id", "bottle_energy")));
      await(alice.act("collect_item", Map.of("instance_id", "bottle_mystery")));
      erinFrames.clear();
      await(erin.openEventStream());

      MirrorComparison c = converged(erin);
      assertThat(c.matches()).as(String.join("\n", c.differences())).isTrue();
      List<Frame> replay = erinFrames.frames.stream().filter(f -> f.direction() == Direction.IN).toList();
      assertThat(replay).extracting(Frame::type).containsOnly("world_update");
      assertThat(replay.get(0).json().path("base_version").asText()).isEqualTo(resumeFrom);
      assertThat(erin.chainProblems()).isEmpty();
      ActionResult viaHttp = await(erin.interact("collect_item", Map.of("instance_id", "bottle_nature")));
      assertThat(viaHttp.success()).isTrue();
      assertThat(viaHttp.transport()).isEqualTo(Transport.HTTP);
      assertThat(converged(erin).matches()).isTrue();
    }
  }

  @Test
  void locationResyncAndCommands() throws Exception {
    try (SimulatedPlayer fay = SimulatedPlayer.connect(server, EXP, name("fay"))) {
      JsonNode clearing = await(fay.updateLocation(37.9091, -122.541));
      assertThat(clearing.path("zone").path("id").asText()).isEqualTo("clearing");
      assertThat(converged(fay).matches()).isTrue();
      JsonNode snapshot = await(fay.requestResync());
      assertThat(snapshot.path("snapshot_version").asLong()).isGreaterThanOrEqualTo(fay.mirrorVersion());
      assertThat(await(fay.commands()).path("commands").has("collect_item")).isTrue();
      assertThat(await(fay.ping()).path("type").asText()).isEqualTo("pong");
      assertThatThrownBy(() -> await(fay.updateLocation(0, 0))).hasCauseInstanceOf(ServerException.class)
          .hasMessageContaining("no zone");
      assertThat(fay.chainProblems()).isEmpty();
    }
  }

  @Test
  void listenersSeeRequestsBeforeTheirAnswersAndDeltasBeforeResponses() throws Exception {
    ClientTesting.Recording rec = new ClientTesting.Recording();
    SimulatedPlayer gus = SimulatedPlayer.prepare(server, EXP, name("gus"), SimulatedPlayer.Options.webSocketPlayer());
    try (gus) {
      gus.addListener(rec);
      gus.reconnect();
      assertThat(rec.types(Transport.WEBSOCKET, Direction.IN)).startsWith("connected", "area_of_interest");
      rec.clear();
      ActionResult r = await(gus.act("collect_item", Map.of("instance_id", "health_potion_1")));
      List<Frame> frames = List.copyOf(rec.frames);
      assertThat(frames.get(0).direction()).isEqualTo(Direction.OUT);
      assertThat(frames.get(0).json().path("instance_id").asText()).isEqualTo("health_potion_1");
      List<String> types = frames.stream().map(Frame::type).toList();
      assertThat(types.indexOf("world_update")).isLessThan(types.indexOf("action_response"));
      assertThat(frames).allSatisfy(f -> assertThat(f.userId()).isEqualTo(gus.userId()));
      assertThat(frames.get(types.indexOf("action_response")).epochMicros()).isEqualTo(r.respondedAtMicros());
      assertThat(gus.recentFrames()).isNotEmpty();
    }
  }

  @Test
  void serverHandleReportsErrorsWithStatusAndCode() {
    assertThat(server.status().path("nats").has("state")).isTrue();
    assertThat(server.tokenFor("zed")).isEqualTo(server.tokenFor("zed"));
    assertThatThrownBy(() -> server.post("/admin/faults/narrator", Json.object().put("slowdown", 0)))
        .isInstanceOfSatisfying(ServerException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo("invalid_slowdown");
        });
    assertThatThrownBy(() -> server.get("/no/such/thing"))
        .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> server.getAs(server.tokenFor("zed"), "/experience/" + EXP + "/world"))
        .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
    try (ServerHandle nowhere = ServerHandle.connect("http://127.0.0.1:1", "token")) {
      assertThatThrownBy(nowhere::status)
          .isInstanceOfSatisfying(ServerException.class, e -> assertThat(e.status()).isZero());
    }
  }
}
