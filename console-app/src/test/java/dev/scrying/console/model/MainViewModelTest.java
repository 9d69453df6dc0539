package dev.scrying.console.model;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.model.stream.Source;
import dev.scrying.console.session.BusMessage;
import dev.scrying.console.session.Micros;
import dev.scrying.console.session.ServerAction;
import dev.scrying.console.session.ServerSession;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The root view model without any UI toolkit: the test thread plays the UI thread. */
class MainViewModelTest {
  private final UiLoop ui = new UiLoop();
  private final FakeSession session = new FakeSession();
  private MainViewModel model;

  @AfterEach
  void close() {
    if (model != null) {
      model.close();
    }
  }

  @Test
  void startsTheServerOffTheUiThreadAndShowsStartingMeanwhile() throws Exception {
    CountDownLatch called = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Thread> startedOn = new AtomicReference<>();
    model(() -> {
      startedOn.set(Thread.currentThread());
      called.countDown();
      release.await();
      return session;
    });

    model.start();
    assertThat(called.await(10, SECONDS)).isTrue();
    ui.runPending();

    assertThat(startedOn.get()).isNotSameAs(Thread.currentThread());
    assertThat(model.phase().get()).isEqualTo(ServerPhase.STARTING);
    assertThat(model.status().get()).isEqualTo("Starting server…");
    assertThat(model.serverUrl().get()).isEqualTo(MainViewModel.NO_VALUE);

    release.countDown();
    ui.until(() -> model.phase().get() == ServerPhase.RUNNING);
    assertThat(model.serverUrl().get()).isEqualTo("http://127.0.0.1:8765");
    assertThat(model.experienceId().get()).isEqualTo("wylding-woods");
    assertThat(model.sessionKind().get()).isEqualTo("embedded");
    assertThat(model.status().get()).contains("http://127.0.0.1:8765", "/tmp/scrying-data");
  }

  @Test
  void pollsTheStatusIntoTheStatusBarAndTheWorldPanel() {
    model(() -> session).start();
    ui.until(() -> model.statusBar().version().get().text().equals("World v3"));
    assertThat(model.statusBar().nats().get().text()).isEqualTo("NATS managed · connected");
    ui.until(() -> model.world().version().get() == 3);

    session.version = 4;
    ui.until(() -> model.world().version().get() == 4);
    assertThat(model.statusBar().version().get().text()).isEqualTo("World v4");
  }

  @Test
  void anUnreachableServerTurnsTheBarRedWithAWayForward() {
    model(() -> session).start();
    ui.until(() -> model.phase().get() == ServerPhase.RUNNING);
    session.unreachable = true;

    ui.until(() -> model.statusBar().degraded().get());
    assertThat(model.statusBar().warning().get()).contains("cannot reach the server", "not answering");
  }

  @Test
  void sessionEventsReachTheStreamWorldAndLatencyPanels() {
    model(() -> session).start();
    ui.until(() -> session.listenerCount() == 1);
    long now = Micros.now();
    session.emit(new ServerAction(4, "alice", "collect_item", true, true, "You take it.", "t1",
        Map.of("received", now - 2000, "durable", now - 500), 1, "{\"command\":{\"instance_id\":\"bottle_joy\"}}", now, true));
    session.emit(new BusMessage("world.updates.user.alice",
        "{\"type\":\"world_update\",\"base_version\":3,\"snapshot_version\":4,\"changes\":[],\"metadata\":{\"trace_id\":\"t1\"}}",
        now + 100));

    ui.until(() -> model.stream().visibleRows().size() == 2);
    assertThat(model.stream().visibleRows()).extracting(e -> e.source()).containsExactly(Source.SERVER, Source.NATS);
    assertThat(model.stream().visibleRows().get(1).latencyMs()).isEqualTo(2.1);
    ui.until(() -> model.latency().recent().get().size() == 1);
  }

  @Test
  void aFailedStartSaysWhyAndWhatToDo() {
    model(() -> {
      throw new IOException("data folder is locked by another server");
    }).start();

    ui.until(() -> model.phase().get() == ServerPhase.FAILED);
    assertThat(model.status().get()).isEqualTo("Server failed to start: data folder is locked by another server");
    assertThat(model.notices().recent()).hasSize(1);
    assertThat(model.notices().recent().get(0).wayForward()).isNotBlank();
  }

  @Test
  void themeAndPage() {
    model(() -> session);
    model.toggleTheme();
    model.show(Page.HISTORY);
    assertThat(model.darkTheme().get()).isTrue();
    assertThat(model.page().get()).isEqualTo(Page.HISTORY);
  }

  @Test
  void closeStopsTheServerOnce() {
    model(() -> session).start();
    ui.until(() -> model.phase().get() == ServerPhase.RUNNING);

    model.close();
    model.close();
    assertThat(session.closeCount.get()).isEqualTo(1);
    assertThat(session.listenerCount()).isZero();
  }

  @Test
  void closeBeforeStartIsHarmless() {
    model(() -> session).close();
    assertThat(session.closed).isFalse();
  }

  private MainViewModel model(Callable<ServerSession> starter) {
    model = new MainViewModel(starter, ui.dispatch(), Duration.ofMillis(5), java.util.List.of());
    return model;
  }
}
