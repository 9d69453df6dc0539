package dev.scrying.console.model.mirror;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.TestServers;
import dev.scrying.console.model.UiLoop;
import dev.scrying.console.session.EmbeddedSession;
import dev.scrying.scenarios.client.ServerHandle;
import dev.scrying.scenarios.client.SimulatedPlayer;
import dev.scrying.server.NatsConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mirror follows one real client: a bottle it takes vanishes at once, and the story streams in beside it. */
class MirrorViewModelTest {
  @TempDir
  Path dataDir;
  private final UiLoop ui = new UiLoop();
  private final List<VanishedItem> vanished = new CopyOnWriteArrayList<>();
  private EmbeddedSession session;
  private ServerHandle handle;
  private SimulatedPlayer alice;
  private MirrorViewModel model;

  @BeforeEach
  void start() throws Exception {
    session = TestServers.embedded(dataDir, NatsConfig.off());
    handle = ServerHandle.connect(session.baseUrl(), session.adminToken().get(10, SECONDS));
    model = new MirrorViewModel(ui.dispatch(), id -> id.equals("alice") ? Optional.ofNullable(alice) : Optional.empty());
    model.vanished().subscribe(vanished::add);
    alice = SimulatedPlayer.prepare(handle, "wylding-woods", "alice", SimulatedPlayer.Options.webSocketPlayer());
    alice.addListener(model::frame);
    model.setChoices(List.of("alice"));
    alice.reconnect();
    ui.until(() -> model.scene().get().contains("bottle_joy"));
  }

  @AfterEach
  void stop() {
    model.close();
    alice.close();
    handle.close();
    session.close();
  }

  @Test
  void aTakenBottleVanishesTheMomentTheDeltaArrives() throws Exception {
    assertThat(model.scene().get().zoneName()).isEqualTo("Woander's Magical Shop");

    alice.act("collect_item", Map.of("instance_id", "bottle_joy")).get(10, SECONDS);

    ui.until(() -> !vanished.isEmpty());
    assertThat(vanished).singleElement().satisfies(v -> {
      assertThat(v.item().id()).isEqualTo("bottle_joy");
      assertThat(v.item().glowColor()).isEqualTo("golden");
      assertThat(v.item().symbol()).isEqualTo("moon");
      assertThat(v.spotId()).isEqualTo("spot_3");
    });
    assertThat(model.scene().get().contains("bottle_joy")).isFalse();
    assertThat(model.lastDelta().get()).startsWith("Bottle of Joy vanished").contains("after alice's action reached the server");
  }

  @Test
  void theNarrativeStreamsInBesideIt() throws Exception {
    alice.chat("take the energy bottle").get(20, SECONDS);

    ui.until(() -> model.narrativeStatus().get().startsWith("Narrative finished"));
    assertThat(model.narrative().get()).contains("Bottle of Energy");
    ui.until(() -> !model.scene().get().contains("bottle_energy"));
  }
}
