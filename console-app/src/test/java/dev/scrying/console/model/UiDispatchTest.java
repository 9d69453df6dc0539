package dev.scrying.console.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UiDispatchTest {
  private final ManualUiThread uiThread = new ManualUiThread();
  private final UiDispatch dispatch = new UiDispatch(uiThread);
  private final List<String> ran = new ArrayList<>();

  @Test
  void postedTasksRunInOrderInOneTurn() {
    dispatch.post(() -> ran.add("a"));
    dispatch.post(() -> ran.add("b"));
    dispatch.post(() -> ran.add("c"));

    assertThat(uiThread.runPending()).isEqualTo(1);
    assertThat(ran).containsExactly("a", "b", "c");
  }

  @Test
  void latestKeepsOnlyTheNewestTaskPerKey() {
    for (int i = 0; i < 1000; i++) {
      int n = i;
      dispatch.latest("version", () -> ran.add("v" + n));
    }
    dispatch.latest("world", () -> ran.add("world"));

    uiThread.runPending();
    assertThat(ran).containsExactly("v999", "world");
  }

  @Test
  void aTaskPostedAfterADrainSchedulesAnother() {
    dispatch.post(() -> ran.add("first"));
    uiThread.runPending();
    dispatch.post(() -> ran.add("second"));

    assertThat(uiThread.runPending()).isEqualTo(1);
    assertThat(ran).containsExactly("first", "second");
  }

  @Test
  void aFailingTaskDoesNotStopTheBatch() {
    dispatch.post(() -> {
      throw new IllegalStateException("boom");
    });
    dispatch.post(() -> ran.add("after"));

    uiThread.runPending();
    assertThat(ran).containsExactly("after");
  }
}
