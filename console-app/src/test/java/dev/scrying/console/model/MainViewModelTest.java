package dev.scrying.console.model;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The main view model without any UI toolkit: the test thread plays the UI thread. */
class MainViewModelTest {
  private final ManualUiThread uiThread = new ManualUiThread();
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
    uiThread.runPending();

    assertThat(startedOn.get()).isNotSameAs(Thread.currentThread());
    assertThat(model.phase().get()).isEqualTo(ServerPhase.STARTING);
    assertThat(model.status().get()).isEqualTo("Starting server…");
    assertThat(model.serverUrl().get()).isEqualTo(MainViewModel.NO_VALUE);

    release.countDown();
    awaitUi(() -> model.phase().get() == ServerPhase.RUNNING);
    assertThat(model.serverUrl().get()).isEqualTo("http://127.0.0.1:8765");
    assertThat(model.experienceId().get()).isEqualTo("wylding-woods");
    assertThat(model.status().get()).contains("http://127.0.0.1:8765", "/tmp/scrying-data");
  }

  @Test
  void showsTheVersionAndRereadsTheWorldOnlyWhenItChanges() {
    model(() -> session).start();
    awaitUi(() -> worldVersion() == 3);
    assertThat(model.version().get()).isEqualTo("3");

    int polls = session.versionCalls.get();
    awaitUi(() -> session.versionCalls.get() >= polls + 5);
    assertThat(session.worldReads.get()).isEqualTo(1);

    session.version = 4;
    awaitUi(() -> worldVersion() == 4);
    assertThat(model.version().get()).isEqualTo("4");
    assertThat(model.world().get().json()).contains("4");
    assertThat(session.worldReads.get()).isEqualTo(2);
  }

  @Test
  void aFailedWorldReadIsReportedAndRetried() {
    session.failNextReads.set(Integer.MAX_VALUE);
    model(() -> session).start();
    awaitUi(() -> model.status().get().equals("Could not read the world: engine busy"));
    assertThat(model.world().get()).isNull();

    session.failNextReads.set(0);
    awaitUi(() -> worldVersion() == 3);
    assertThat(model.status().get()).startsWith("Server running at ");
  }

  @Test
  void aFailedStartSaysWhy() {
    model(() -> {
      throw new IOException("data folder is locked by another server");
    }).start();

    awaitUi(() -> model.phase().get() == ServerPhase.FAILED);
    assertThat(model.status().get()).isEqualTo("Server failed to start: data folder is locked by another server");
    assertThat(model.version().get()).isEqualTo(MainViewModel.NO_VALUE);
  }

  @Test
  void themeToggles() {
    model(() -> session);
    assertThat(model.darkTheme().get()).isFalse();
    model.toggleTheme();
    assertThat(model.darkTheme().get()).isTrue();
  }

  @Test
  void closeStopsTheServer() {
    model(() -> session).start();
    awaitUi(() -> model.phase().get() == ServerPhase.RUNNING);

    model.close();
    model.close();
    assertThat(session.closed).isTrue();
    assertThat(session.closeCount.get()).isEqualTo(1);
  }

  @Test
  void closeBeforeStartIsHarmless() {
    model(() -> session).close();
    assertThat(session.closed).isFalse();
  }

  private MainViewModel model(Callable<ServerSession> starter) {
    model = new MainViewModel(starter, new UiDispatch(uiThread), Duration.ofMillis(5));
    return model;
  }

  private long worldVersion() {
    WorldSnapshot w = model.world().get();
    return w == null ? -1 : w.version();
  }

  /** Runs queued UI work on this thread, as the FX thread would, until the condition holds. */
  private void awaitUi(BooleanSupplier condition) {
    await().atMost(10, SECONDS).pollInterval(Duration.ofMillis(5)).until(() -> {
      uiThread.runPending();
      return condition.getAsBoolean();
    });
  }
}
