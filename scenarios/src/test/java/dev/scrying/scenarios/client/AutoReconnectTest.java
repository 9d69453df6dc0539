package dev.scrying.scenarios.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.scenarios.client.AutoReconnect.Outcome;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reconnect cycle against a hand-driven scheduler: every wait is recorded, none is slept. */
class AutoReconnectTest {
  static final ReconnectPolicy POLICY = ReconnectPolicy.jittered(Duration.ofSeconds(1), Duration.ofSeconds(8), 2);

  /** Records scheduled tasks; the test runs them, one at a time, as if their delay had passed. */
  static final class ManualScheduler implements AutoReconnect.Scheduler {
    final Deque<Runnable> pending = new ArrayDeque<>();
    final List<Duration> delays = new ArrayList<>();

    @Override
    public void schedule(Runnable task, Duration delay) {
      delays.add(delay);
      pending.add(task);
    }

    void runNext() {
      pending.remove().run();
    }
  }

  /** Answers attempts from a script; counts them. */
  static final class ScriptedConnector implements AutoReconnect.Connector {
    final Deque<Outcome> script = new ArrayDeque<>();
    boolean needed;
    int attempts;

    ScriptedConnector(Outcome... outcomes) {
      script.addAll(List.of(outcomes));
    }

    @Override
    public Outcome attempt() {
      attempts++;
      return script.remove();
    }

    @Override
    public boolean needed() {
      return needed;
    }
  }

  @Test
  void retriesWithGrowingDelaysUntilConnectedAndStartsOverOnTheNextDrop() {
    ManualScheduler scheduler = new ManualScheduler();
    ScriptedConnector connector = new ScriptedConnector(Outcome.RETRY, Outcome.RETRY, Outcome.RETRY, Outcome.CONNECTED,
        Outcome.CONNECTED);
    AutoReconnect auto = new AutoReconnect(POLICY, ReconnectPolicyTest.constant(0.5), scheduler, connector);

    auto.dropped();
    auto.dropped(); // the second stream of the same outage joins the cycle
    assertThat(scheduler.pending).hasSize(1);
    assertThat(auto.isCycling()).isTrue();
    for (int i = 0; i < 4; i++) {
      scheduler.runNext();
    }

    assertThat(connector.attempts).isEqualTo(4);
    assertThat(scheduler.delays).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofSeconds(3),
        Duration.ofSeconds(6));
    assertThat(scheduler.pending).isEmpty();
    assertThat(auto.isCycling()).isFalse();

    auto.dropped();
    assertThat(scheduler.delays.get(4)).as("a new outage starts from the first delay").isEqualTo(Duration.ofMillis(500));
    scheduler.runNext();
    assertThat(connector.attempts).isEqualTo(5);
  }

  @Test
  void aRefusalEndsTheCycle() {
    ManualScheduler scheduler = new ManualScheduler();
    ScriptedConnector connector = new ScriptedConnector(Outcome.RETRY, Outcome.GIVE_UP);
    AutoReconnect auto = new AutoReconnect(POLICY, ReconnectPolicyTest.constant(0.5), scheduler, connector);
    auto.dropped();
    scheduler.runNext();
    scheduler.runNext();
    assertThat(scheduler.pending).isEmpty();
    assertThat(auto.isCycling()).isFalse();
    assertThat(connector.attempts).isEqualTo(2);
  }

  @Test
  void aDropDuringTheSuccessfulAttemptIsNotLost() {
    ManualScheduler scheduler = new ManualScheduler();
    ScriptedConnector connector = new ScriptedConnector(Outcome.CONNECTED, Outcome.CONNECTED);
    AutoReconnect auto = new AutoReconnect(POLICY, ReconnectPolicyTest.constant(0.5), scheduler, connector);
    auto.dropped();
    connector.needed = true; // the stream fell again while the attempt was reopening the other one
    scheduler.runNext();
    assertThat(scheduler.pending).as("a new cycle").hasSize(1);
    connector.needed = false;
    scheduler.runNext();
    assertThat(connector.attempts).isEqualTo(2);
    assertThat(auto.isCycling()).isFalse();
  }

  @Test
  void stoppedMeansNoMoreAttemptsAndNoneMeansNoneAtAll() {
    ManualScheduler scheduler = new ManualScheduler();
    ScriptedConnector connector = new ScriptedConnector(Outcome.RETRY);
    AutoReconnect auto = new AutoReconnect(POLICY, ReconnectPolicyTest.constant(0.5), scheduler, connector);
    auto.dropped();
    auto.stop();
    scheduler.runNext();
    assertThat(connector.attempts).isZero();
    assertThat(scheduler.pending).isEmpty();
    auto.dropped();
    assertThat(scheduler.pending).isEmpty();

    AutoReconnect off = new AutoReconnect(ReconnectPolicy.NONE, ReconnectPolicyTest.constant(0.5), scheduler, connector);
    off.dropped();
    assertThat(scheduler.pending).isEmpty();
    assertThat(off.isCycling()).isFalse();
  }
}
