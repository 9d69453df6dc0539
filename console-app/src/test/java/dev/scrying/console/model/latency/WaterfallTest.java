package dev.scrying.console.model.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WaterfallTest {

  @Test
  void stepsRunFromEachKnownHopToTheNextInPathOrder() {
    Waterfall w = Waterfall.of(Map.of(Hop.DONE, 3_000_000L, Hop.RECEIVED, 1_000L, Hop.DURABLE, 2_000L,
        Hop.FIRST_NARRATIVE, 1_500_000L));
    assertThat(w.steps()).containsExactly(
        new Waterfall.Step(Hop.RECEIVED, Hop.DURABLE, 0, 1.0),
        new Waterfall.Step(Hop.DURABLE, Hop.FIRST_NARRATIVE, 1.0, 1498.0),
        new Waterfall.Step(Hop.FIRST_NARRATIVE, Hop.DONE, 1499.0, 1500.0));
    assertThat(w.totalMs()).isEqualTo(2999.0);
  }

  @Test
  void aMetricNeedsBothHopsInOrder() {
    assertThat(Metric.RECEIVED_TO_DURABLE.measure(Map.of(Hop.RECEIVED, 10L, Hop.DURABLE, 25L))).hasValue(15);
    assertThat(Metric.RECEIVED_TO_DURABLE.measure(Map.of(Hop.RECEIVED, 10L))).isEmpty();
    assertThat(Metric.RECEIVED_TO_DURABLE.measure(Map.of(Hop.RECEIVED, 10L, Hop.DURABLE, 5L))).isEmpty();
  }
}
