package dev.scrying.console.model.players;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.TestServers;
import dev.scrying.console.model.Notices;
import dev.scrying.console.model.UiLoop;
import dev.scrying.console.session.EmbeddedSession;
import dev.scrying.scenarios.client.ConnectionState;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.server.NatsConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Simulated players against a real server on a free port; the test thread plays the UI thread. */
class PlayersViewModelTest {
  @TempDir
  Path dataDir;
  private final UiLoop ui = new UiLoop();
  private final Notices notices = new Notices(ui.dispatch());
  private final List<Frame> frames = new CopyOnWriteArrayList<>();
  private EmbeddedSession session;
  private PlayersViewModel model;

  @BeforeEach
  void start() throws Exception {
    session = TestServers.embedded(dataDir, NatsConfig.off());
    model = new PlayersViewModel(ui.dispatch(), notices, frames::add);
    model.attach(session, List.of("alice"));
    ui.until(() -> model.cards().get().size() == 1 && model.cards().get().get(0).connection() == ConnectionState.OPEN
        && model.selectedCard().get() != null);
    ui.until(() -> !model.zones().get().isEmpty());
  }

  @AfterEach
  void stop() {
    model.close();
    session.close();
  }

  @Test
  void aPlayerActsAndItsCardFollowsItsMirror() {
    assertThat(model.selected().get()).isEqualTo("alice");
    assertThat(model.zones().get()).extracting(ZoneChoice::id).contains("woander_store", "clearing");
    ui.until(() -> !model.commands().get().isEmpty());
    assertThat(model.commands().get()).extracting(CommandSpec::name).contains("collect_item", "give_item");
    ui.until(() -> model.targets().get().getOrDefault("instance_id", List.of()).stream()
        .anyMatch(t -> t.id().equals("bottle_joy")));

    model.act("collect_item", Map.of("instance_id", "bottle_joy"));

    ui.until(() -> model.selectedCard().get().inventory().contains("Bottle of Joy"));
    ui.until(() -> model.lastAnswer().get().startsWith("✓ You collected Bottle of Joy"));
    ui.until(() -> model.selectedCard().get().check().status() == MirrorCheck.Status.MATCH);
    assertThat(frames).extracting(Frame::type).contains("action", "world_update", "action_response");
  }

  @Test
  void chatFramesArriveInOrder() {
    model.chat("take the joy bottle");

    ui.until(() -> model.chat().get() != null && model.chat().get().done());
    List<String> types = model.chat().get().types();
    assertThat(types.get(0)).isEqualTo("metadata");
    assertThat(types).containsSubsequence("metadata", "world_update", "content", "metadata", "done");
    assertThat(types.indexOf("world_update")).as("the delta comes before any narrative").isLessThan(types.indexOf("content"));
    assertThat(model.chat().get().narrative()).contains("Bottle of Joy");
  }

  @Test
  void addDropReconnectAndRemove() {
    model.addPlayer("bob");
    ui.until(() -> model.cards().get().size() == 2 && model.cards().get().get(1).connection() == ConnectionState.OPEN);
    model.addPlayer("bob");
    model.addPlayer("not an id!");
    ui.until(() -> notices.recent().size() == 2);
    assertThat(notices.recent()).extracting(n -> n.title()).containsExactly("'not an id!' is not a player id.",
        "bob is already playing.");

    model.disconnect("bob");
    ui.until(() -> model.cards().get().get(1).connection() == ConnectionState.CLOSED);
    model.reconnect("bob");
    ui.until(() -> model.cards().get().get(1).connection() == ConnectionState.OPEN);
    model.removePlayer("bob");
    ui.until(() -> model.cards().get().size() == 1);
  }

  @Test
  void walkingToAZoneMovesThePlayer() {
    ZoneChoice clearing = model.zones().get().stream().filter(z -> z.id().equals("clearing")).findFirst().orElseThrow();
    model.walkTo(clearing);
    ui.until(() -> model.selectedCard().get().zone().equals("The Clearing"));
  }
}
