package dev.scrying.console.model.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.model.FakeSession;
import dev.scrying.console.model.Notices;
import dev.scrying.console.model.UiLoop;
import dev.scrying.console.model.Workers;
import dev.scrying.console.session.ServerAction;
import dev.scrying.experiences.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorldViewModelTest {
  private final UiLoop ui = new UiLoop();
  private final FakeSession session = new FakeSession();
  private final Notices notices = new Notices(ui.dispatch());
  private final WorldViewModel model = new WorldViewModel(ui.dispatch(), Workers.single("test-world"), notices);
  private final List<Set<String>> flashes = new ArrayList<>();

  WorldViewModelTest() {
    model.flash().subscribe(flashes::add);
  }

  @Test
  void aChangeIsRecordedWithItsCauseAndFlashesWhatItTouched() {
    session.world = Json.parse("{\"global_state\":{\"found\":0},\"npcs\":{}}");
    model.attach(session);
    ui.until(() -> model.version().get() == 3);
    assertThat(flashes).isEmpty();

    session.world = Json.parse("{\"global_state\":{\"found\":1},\"npcs\":{}}");
    session.version = 4;
    model.actionSeen(new ServerAction(4, "alice", "give_item", true, true, "", "t", Map.of(), 1, "{}", 0, true));
    ui.until(() -> model.version().get() == 4);

    WorldChange c = model.changes().get().get(0);
    assertThat(c.versions()).isEqualTo("v3 → v4");
    assertThat(c.cause()).isEqualTo("alice: give_item");
    assertThat(c.changes()).containsExactly(new PathChange(PathChange.Kind.CHANGED, "/global_state/found",
        "global_state.found", "0", "1"));
    assertThat(flashes).containsExactly(Set.of("", "/global_state", "/global_state/found"));
  }

  @Test
  void searchAndInspect() {
    session.world = Json.parse("{\"global_state\":{\"dream_bottles_found\":0,\"shop_open\":true}}");
    model.attach(session);
    ui.until(() -> model.root().get() != null);

    model.setSearch("shop");
    assertThat(model.matches().get()).contains("/global_state/shop_open", "/global_state");
    assertThat(model.matchSummary().get()).isEqualTo("1 match");
    model.inspect("/global_state");
    assertThat(model.inspectedJson().get()).isEqualTo("{\n  \"dream_bottles_found\" : 0,\n  \"shop_open\" : true\n}");
  }

  @Test
  void aFailedReadIsReportedOnceAndRetriedOnTheNextVersion() {
    session.failNextWorldReads.set(1);
    model.attach(session);
    ui.until(() -> notices.recent().size() == 1);
    model.versionSeen(3);
    ui.until(() -> model.version().get() == 3);
    assertThat(notices.recent()).hasSize(1);
    assertThat(notices.recent().get(0).title()).startsWith("Could not read the world: The server is busy");
  }
}
