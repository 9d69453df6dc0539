package dev.scrying.console.model.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.model.FakeSession;
import dev.scrying.console.model.Notices;
import dev.scrying.console.model.UiLoop;
import dev.scrying.console.model.world.PathChange;
import dev.scrying.console.session.HistoryEntry;
import dev.scrying.console.session.RecordedWorld;
import dev.scrying.experiences.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryViewModelTest {
  private final UiLoop ui = new UiLoop();
  private final FakeSession session = new FakeSession();
  private final Notices notices = new Notices(ui.dispatch());
  private final HistoryViewModel model = new HistoryViewModel(ui.dispatch(), notices);
  private final HistoryEntry v2 = new HistoryEntry("bbbbbbbbbb", "v2 collect_item bottle_joy by alice", 2000, 2);
  private final HistoryEntry v1 = new HistoryEntry("aaaaaaaaaa", "v1 join by alice", 1000, 1);

  HistoryViewModelTest() {
    session.history.add(v2);
    session.history.add(v1);
    session.commits.put(v1.commit(), new RecordedWorld(v1.commit(), Json.parse("{\"found\":0}"),
        Map.of("alice", Json.parse("{\"inventory\":[]}"))));
    session.commits.put(v2.commit(), new RecordedWorld(v2.commit(), Json.parse("{\"found\":0}"),
        Map.of("alice", Json.parse("{\"inventory\":[{\"instance_id\":\"bottle_joy\"}]}"))));
    model.attach(session);
  }

  @Test
  void listsTheLogAndShowsTheWorldAtACommit() {
    ui.until(() -> model.entries().get().size() == 2);
    model.select(v1);
    ui.until(() -> model.selectedWorld().get() != null);
    assertThat(model.detail().get()).isEqualTo("The world at v1 (aaaaaaaa): join");
  }

  @Test
  void diffsTwoCommitsFromOlderToNewerWhicheverWasPickedFirst() {
    model.select(v2);
    model.compareWith(v1);
    ui.until(() -> !model.diff().get().isEmpty());
    assertThat(model.diff().get()).containsExactly(new PathChange(PathChange.Kind.ADDED,
        "/players/alice/inventory/0", "players.alice.inventory[bottle_joy]", "", "{\"instance_id\":\"bottle_joy\"}"));
    assertThat(model.detail().get()).isEqualTo("v1 → v2: 1 difference");
  }

  @Test
  void resetToHereNeedsThePreviewThenTheConfirmation() throws Exception {
    var plan = model.planReset(v1);
    ui.until(plan::isDone);
    assertThat(plan.get().preview()).contains("commit aaaaaaaaaa");
    assertThat(session.calls).containsExactly("reset commit aaaaaaaaaa");

    var reply = model.confirmReset(plan.get());
    ui.until(reply::isDone);
    assertThat(session.calls).containsExactly("reset commit aaaaaaaaaa", "reset commit aaaaaaaaaa CONFIRM");
    assertThat(notices.recent().get(0).title()).startsWith("World reset to v1 (aaaaaaaa) as new version v4");
  }

  @Test
  void theResetBetweenGuestsAlsoNeedsItsConfirmation() throws Exception {
    var plan = model.planFreshStart();
    ui.until(plan::isDone);
    assertThat(plan.get().title()).isEqualTo("Reset the whole experience for the next guests?");
    assertThat(session.calls).containsExactly("reset experience null");
    var reply = model.confirmReset(plan.get());
    ui.until(reply::isDone);
    assertThat(session.calls).containsExactly("reset experience null", "reset experience null CONFIRM");
    assertThat(notices.recent().get(0).title()).isEqualTo(
        "The experience is back at its start as new version v4; every client was told.");
  }

  @Test
  void newCommitsAreListedWhenGitMoves() {
    ui.until(() -> model.entries().get().size() == 2);
    session.history.add(0, new HistoryEntry("cccc", "v3 go clearing by bob", 3000, 3));
    model.gitVersionSeen(3);
    ui.until(() -> model.entries().get().size() == 3);
  }
}
