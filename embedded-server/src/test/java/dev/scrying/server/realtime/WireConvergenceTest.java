package dev.scrying.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.protocol.ClientMirror;
import dev.scrying.server.http.TestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * The property over the wire: 3-5 real WebSocket clients, random commands (collect, drop, give, moves
 * between zones, admin edits and resets) and reconnects with since_version; each client's mirror, built
 * only from the frames it received, equals the server's view of that player after every step, and
 * every world_update it receives continues its chain.
 */
class WireConvergenceTest {
  static final List<String> ITEMS = List.of("bottle_mystery", "bottle_energy", "bottle_joy", "bottle_nature",
      "health_potion_1", "fairy_dust_pouch", "moonstone");
  static final List<String> PLACES = List.of("woander_store", "clearing", "counter", "fairy_door_main", "spot_3", "mossy_stump");

  @TempDir Path data;
  RealtimeFixture fx;

  @BeforeEach
  void start() throws Exception {
    fx = new RealtimeFixture(data, Duration.ofMillis(5));
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  /** A WebSocket client that keeps a mirror and records chain breaks. */
  final class MirroredClient {
    final ClientMirror mirror = new ClientMirror();
    final List<String> problems = new CopyOnWriteArrayList<>();
    final String user;
    final WsTestClient ws;

    MirroredClient(String user, String query) {
      this.user = user;
      this.ws = new WsTestClient(fx.url(), fx.token(user), query, this::frame);
    }

    void frame(JsonNode n) {
      synchronized (mirror) {
        switch (n.path("type").asText()) {
          case "area_of_interest" -> mirror.applySnapshot(n);
          case "world_update" -> {
            var outcome = mirror.apply(n);
            if (outcome != ClientMirror.Outcome.APPLIED) {
              problems.add(outcome + " at " + mirror.version() + " for " + n.path("base_version") + "->" + n.path("snapshot_version"));
            }
          }
          default -> { }
        }
      }
    }

    JsonNode next(String type) throws InterruptedException {
      return ws.next(type);
    }

    /** Sends an action and waits for its answer, so the server has applied it. */
    void act(String action, String... fields) throws InterruptedException {
      ws.action(action, fields);
      ws.next("action_response");
    }

    void close() {
      ws.close();
    }

    long version() {
      synchronized (mirror) {
        return mirror.version();
      }
    }

    ObjectNode view() {
      synchronized (mirror) {
        return mirror.view();
      }
    }
  }

  @RepeatedTest(3)
  void mirrorsConvergeOverTheWire() throws Exception {
    Random rnd = new Random();
    int n = 3 + rnd.nextInt(3);
    List<MirroredClient> clients = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      MirroredClient c = new MirroredClient("w" + i, null);
      c.next("area_of_interest");
      clients.add(c);
    }
    TestClient admin = new TestClient(fx.url(), fx.adminToken());
    for (int step = 0; step < 60; step++) {
      int who = rnd.nextInt(n);
      MirroredClient c = clients.get(who);
      String item = ITEMS.get(rnd.nextInt(ITEMS.size()));
      switch (rnd.nextInt(9)) {
        case 0, 1, 2 -> c.act("collect_item", "instance_id", item);
        case 3 -> c.act("drop_item", "instance_id", item);
        case 4, 5 -> c.act("go", "destination", PLACES.get(rnd.nextInt(PLACES.size())));
        case 6 -> c.act("give_item", "instance_id", item, "target_npc_id", "louisa");
        case 7 -> admin.say(rnd.nextBoolean() ? "@edit item " + item + " visible " + rnd.nextBoolean()
            : "@reset " + (rnd.nextBoolean() ? "world" : "experience") + " CONFIRM");
        default -> {
          long last = c.version();
          c.close();
          MirroredClient back = new MirroredClient(c.user, "since_version=" + last);
          // The new socket continues the old mirror: it starts from the version the old one held.
          synchronized (back.mirror) {
            back.mirror.applySnapshot(withVersion(c.view(), last));
          }
          back.next("connected");
          clients.set(who, back);
          c = back;
        }
      }
      settle(clients);
    }
    for (MirroredClient c : clients) {
      assertThat(c.problems).as(c.user).isEmpty();
      c.close();
    }
  }

  private void settle(List<MirroredClient> clients) {
    for (MirroredClient c : clients) {
      await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        ObjectNode server = Snapshots.areaOfInterest(fx.server.runtime("wylding-woods").engine(), c.user).get();
        server.remove(List.of("type", "timestamp", "snapshot_version"));
        assertThat(c.problems).as(c.user).isEmpty();
        assertThat(c.view()).as(c.user).isEqualTo(server);
      });
    }
  }

  private static ObjectNode withVersion(ObjectNode view, long version) {
    ObjectNode aoi = view.deepCopy();
    aoi.put("snapshot_version", version);
    return aoi;
  }
}
