package dev.scrying.console.model.rehearse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.model.FakeSession;
import dev.scrying.console.model.Notices;
import dev.scrying.console.model.UiLoop;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RehearseViewModelTest {
  private final UiLoop ui = new UiLoop();
  private final FakeSession session = new FakeSession();
  private final Notices notices = new Notices(ui.dispatch());
  private final AtomicLong clock = new AtomicLong(10_000);
  private final RehearseViewModel model = new RehearseViewModel(ui.dispatch(), notices, clock::get);

  RehearseViewModelTest() {
    model.attach(session);
    model.statusSeen(session.status().join());
  }

  @Test
  void nothingHappensUntilArmed() {
    model.stopNats();
    model.cut("alice");
    ui.runPending();
    assertThat(session.calls).isEmpty();
    assertThat(notices.recent()).extracting(n -> n.title()).containsOnly("Rehearsal is not armed.");
  }

  @Test
  void stoppingAndStartingNatsIsTimedOnTheTimeline() {
    model.setArmed(true);
    model.stopNats();
    clock.addAndGet(400);
    ui.until(() -> !model.natsConnected().get());
    assertThat(session.calls).containsExactly("nats stop");

    clock.addAndGet(2_000);
    model.startNats();
    ui.until(() -> model.natsConnected().get());
    assertThat(model.timeline().get()).extracting(TimelineEntry::text).containsSubsequence(
        "NATS connected again after 2.0 s degraded: delivery back on NATS, clients re-converge.",
        "Operator: start NATS.",
        "NATS is disconnected (0.4 s after the stop): world updates now travel in-process, guests keep getting them.",
        "Operator: stop NATS.",
        "Rehearsal armed: the buttons below now act on the live server.");
  }

  @Test
  void slowingTheNarratorAndCuttingAPlayer() {
    model.setArmed(true);
    model.slowNarrator(4);
    model.cut("alice");
    ui.until(() -> model.narratorSlowdown().get() == 4.0 && model.timeline().get().get(0).text().startsWith("Cut 1"));
    assertThat(session.calls).containsExactly("narrator x4.0", "cut alice");
    assertThat(model.timeline().get().get(0).text()).isEqualTo(
        "Cut 1 connection of alice; watch it reconnect in Players and the stream.");
  }
}
