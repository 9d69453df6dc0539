package dev.scrying.console.model.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.model.FakeSession;
import dev.scrying.console.model.UiLoop;
import dev.scrying.console.model.Workers;
import dev.scrying.console.session.Micros;
import dev.scrying.console.session.ServerAction;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatencyViewModelTest {
  private final UiLoop ui = new UiLoop();
  private final FakeSession session = new FakeSession();
  private final LatencyViewModel model = new LatencyViewModel(ui.dispatch(), Workers.single("test-latency"));

  @AfterEach
  void close() {
    model.close();
  }

  @Test
  void serverAndClientStampsMakeOneWaterfallAndFeedThePercentiles() {
    long t = Micros.now();
    model.attach(session);
    model.clientHop("t1", "alice", Hop.CLIENT_SEND, t);
    model.actionSeen(new ServerAction(5, "alice", "collect_item", true, true, "", "t1",
        Map.of("received", t + 400, "applied", t + 600, "durable", t + 900, "published", t + 1000), 1, "{}", t + 900, true));
    model.clientHop("t1", "alice", Hop.CLIENT_RECEIVED, t + 2_000);
    // Delivered is stamped later by the server; the view model fetches it from the trace endpoint.
    session.traces.put("t1", Map.of("received", t + 400, "delivered", t + 1_500));

    ui.until(() -> model.recent().get().size() == 1 && model.recent().get().get(0).hops().containsKey(Hop.DELIVERED));
    ActionTrace trace = model.recent().get().get(0);
    assertThat(trace.userId()).isEqualTo("alice");
    assertThat(trace.action()).isEqualTo("collect_item");
    model.select(trace);
    assertThat(model.waterfall().get().steps()).extracting(Waterfall.Step::to).containsExactly(Hop.RECEIVED, Hop.APPLIED,
        Hop.DURABLE, Hop.PUBLISHED, Hop.DELIVERED, Hop.CLIENT_RECEIVED);
    assertThat(model.waterfall().get().totalMs()).isEqualTo(2.0);

    ui.until(() -> stats(Metric.ACTION_TO_DELTA).count() == 1);
    assertThat(stats(Metric.ACTION_TO_DELTA).p99()).isEqualTo(2.0);
    assertThat(stats(Metric.RECEIVED_TO_DURABLE).p50()).isEqualTo(0.5);
    assertThat(stats(Metric.RECEIVED_TO_DELIVERED).max()).isEqualTo(1.1);
    assertThat(stats(Metric.FIRST_NARRATIVE).count()).isZero();
  }

  @Test
  void eachMetricCountsOncePerActionHoweverOftenItsHopsArrive() {
    long t = Micros.now();
    for (int i = 0; i < 3; i++) {
      model.serverHops("t2", "bob", Map.of("received", t, "durable", t + 3_000));
    }
    ui.until(() -> stats(Metric.RECEIVED_TO_DURABLE).count() == 1);
    model.resetStats();
    ui.until(() -> stats(Metric.RECEIVED_TO_DURABLE).count() == 0);
  }

  @Test
  void theHistogramShowsTheChosenMetricWithItsBudget() {
    long t = Micros.now();
    model.serverHops("t3", "bob", Map.of("received", t, "durable", t + 7_000));
    model.showHistogram(Metric.RECEIVED_TO_DURABLE);
    ui.until(() -> !model.bars().get().isEmpty());
    assertThat(model.bars().get().stream().mapToLong(HistogramBar::count).sum()).isEqualTo(1);
    ui.until(() -> stats(Metric.RECEIVED_TO_DURABLE).overBudget());
  }

  private MetricStats stats(Metric m) {
    return model.stats().get().stream().filter(s -> s.metric() == m).findFirst().orElse(MetricStats.empty(m));
  }
}
