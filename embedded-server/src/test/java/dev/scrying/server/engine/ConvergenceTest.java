package dev.scrying.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.ClientMirror;
import dev.scrying.experiences.protocol.PlayerProjection;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: after random command sequences for several players (collects, drops, gives, moves between
 * zones, uses, admin edits and resets), each player's mirror, built only from the events the engine
 * emitted for them, equals the server's projection of that player, and every chain is gapless.
 */
class ConvergenceTest {
  static final List<String> ITEMS = List.of("bottle_mystery", "bottle_energy", "bottle_joy", "bottle_nature",
      "health_potion_1", "fairy_dust_pouch", "moonstone", "health_potion_2", "dream_bottle_clearing_1");
  static final List<String> PLACES = List.of("woander_store", "clearing", "counter", "fairy_door_main", "spot_3",
      "potion_shelf", "mossy_stump", "lantern_post");

  @TempDir Path dir;

  @RepeatedTest(5)
  void mirrorsConverge() throws Exception {
    Random rnd = new Random(System.nanoTime());
    int players = 3 + rnd.nextInt(3);
    try (EngineFixture fx = new EngineFixture(dir, dev.scrying.server.store.StorageFaults.NONE)) {
      Map<String, ClientMirror> mirrors = new java.util.concurrent.ConcurrentHashMap<>();
      List<String> gaps = new java.util.concurrent.CopyOnWriteArrayList<>();
      for (int p = 0; p < players; p++) {
        String user = "u" + p;
        fx.engine.addListener(r -> r.eventFor(user).ifPresent(e -> apply(mirrors.get(user), e, gaps)));
        fx.run(user, Commands.JOIN);
        mirrors.put(user, snapshot(fx, user));
      }
      for (int step = 0; step < 300; step++) {
        String user = "u" + rnd.nextInt(players);
        randomCommand(fx, rnd, user, players);
        for (var m : mirrors.entrySet()) {
          ObjectNode server = EngineFixture.await(fx.engine.read(s ->
              PlayerProjection.project(fx.engine.experience(), s.world(), s.players(), m.getKey())));
          assertThat(gaps).as("step %d", step).isEmpty();
          assertThat(m.getValue().view()).as("step %d, player %s", step, m.getKey()).isEqualTo(server);
        }
        if (rnd.nextInt(40) == 0) {
          // A reconnect: the client throws its mirror away and starts from a fresh snapshot.
          String who = "u" + rnd.nextInt(players);
          mirrors.put(who, snapshot(fx, who));
        }
      }
    }
  }

  /** What a connection does: re-base onto the client's version, then the client applies the Unity rule. */
  private static void apply(ClientMirror mirror, WorldUpdateEvent e, List<String> gaps) {
    if (mirror == null) {
      return;
    }
    e.forClientAt(mirror.version()).ifPresent(sent -> {
      if (mirror.apply(Json.MAPPER.valueToTree(sent)) != ClientMirror.Outcome.APPLIED) {
        gaps.add("mirror at " + mirror.version() + ", event " + sent.baseVersion() + "->" + sent.snapshotVersion());
      }
    });
  }

  private static ClientMirror snapshot(EngineFixture fx, String user) {
    ObjectNode aoi = EngineFixture.await(fx.engine.read(s -> {
      ObjectNode o = PlayerProjection.project(fx.engine.experience(), s.world(), s.players(), user);
      o.put("snapshot_version", s.version());
      return o;
    }));
    ClientMirror m = new ClientMirror();
    m.applySnapshot(aoi);
    return m;
  }

  private static void randomCommand(EngineFixture fx, Random rnd, String user, int players) {
    String item = ITEMS.get(rnd.nextInt(ITEMS.size()));
    switch (rnd.nextInt(12)) {
      case 0, 1, 2 -> fx.run(user, "collect_item", "instance_id", item);
      case 3 -> fx.run(user, "drop_item", "instance_id", item);
      case 4, 5 -> fx.run(user, "go", "destination", PLACES.get(rnd.nextInt(PLACES.size())));
      case 6 -> fx.run(user, "give_item", "instance_id", item, "target_npc_id", rnd.nextBoolean() ? "louisa" : "thistle");
      case 7 -> fx.run(user, "give_item", "instance_id", item, "target_player_id", "u" + rnd.nextInt(players));
      case 8 -> fx.run(user, "use_item", "instance_id", item);
      case 9 -> fx.admin("@edit item " + item + " visible " + rnd.nextBoolean());
      case 10 -> fx.run(user, rnd.nextBoolean() ? "talk" : "accept_quest", "npc_id", "louisa");
      default -> fx.admin(switch (rnd.nextInt(3)) {
        case 0 -> "@reset experience CONFIRM";
        case 1 -> "@reset world CONFIRM";
        default -> "@reset player u" + rnd.nextInt(players) + " CONFIRM";
      });
    }
  }
}
