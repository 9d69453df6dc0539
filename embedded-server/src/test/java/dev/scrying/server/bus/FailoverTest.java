package dev.scrying.server.bus;

import static dev.scrying.server.bus.NatsTesting.binaryOrSkip;
import static dev.scrying.server.bus.NatsTesting.bytes;
import static dev.scrying.server.bus.NatsTesting.eventually;
import static dev.scrying.server.bus.NatsTesting.outsideClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.server.bus.BusStatus.Mode;
import dev.scrying.server.bus.BusStatus.State;
import dev.scrying.server.bus.NatsTesting.Recorder;
import io.nats.client.Connection;
import io.nats.client.Subscription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invariant 7: NATS absent, stopped or restarted never stops world updates reaching in-process subscribers. */
class FailoverTest {
  @TempDir Path data;

  /** Listener that keeps the sequence of states it was told, collapsing repeats. */
  private static final class StateLog {
    final List<State> states = new CopyOnWriteArrayList<>();

    synchronized void accept(BusStatus s) {
      if (states.isEmpty() || states.get(states.size() - 1) != s.state()) {
        states.add(s.state());
      }
    }
  }

  @Test
  void natsAbsentAtStartDegradesToInProcessThenConnectsWhenTheServerAppears() throws Exception {
    Path binary = binaryOrSkip();
    try (NatsProcess nats = NatsProcess.create(binary, data, 0, 0);
         FailoverBus bus = FailoverBus.over(NatsBus.start(NatsBus.Settings.of(nats.url(), Mode.EXTERNAL)))) {
      StateLog log = new StateLog();
      bus.addStatusListener(log::accept);

      // The bus exists at once although nobody listens on the port.
      eventually().until(() -> bus.status().detail().startsWith("cannot reach NATS"));
      assertThat(bus.status().state()).isEqualTo(State.DISCONNECTED);
      assertThat(bus.status().degraded()).isTrue();
      assertThat(bus.status().summary()).isEqualTo("NATS external, disconnected: in-process delivery");

      String subject = Subjects.worldUpdates("alice");
      Recorder r = new Recorder();
      bus.subscribe(subject, r);
      bus.publish(subject, bytes("v1"));
      r.awaitCount(1);
      assertThat(r.received).containsExactly("v1");

      nats.start();
      eventually().until(() -> bus.status().state() == State.CONNECTED && bus.status().jetStream());
      assertThat(bus.status().degraded()).isFalse();

      // The subscription made while NATS was absent now exists on the server: an outside publisher reaches it.
      try (Connection outside = outsideClient(nats.url())) {
        outside.publish(subject, bytes("v2 from outside"));
        outside.flush(Duration.ofSeconds(2));
        r.awaitCount(2);
      }
      bus.publish(subject, bytes("v3"));
      r.awaitCount(3);
      assertThat(r.received).containsExactly("v1", "v2 from outside", "v3");
      eventually().untilAsserted(() -> assertThat(log.states).containsSubsequence(State.DISCONNECTED, State.CONNECTED));
    }
  }

  @Test
  void natsStoppedMidRunDeliversInProcessAndResumesOverNatsAfterRestart() throws Exception {
    try (FailoverBus bus = Buses.managed(data, Optional.of(binaryOrSkip()))) {
      NatsProcess nats = bus.process().orElseThrow();
      eventually().until(() -> bus.status().state() == State.CONNECTED && bus.status().jetStream());
      StateLog log = new StateLog();
      bus.addStatusListener(log::accept);

      String subject = Subjects.worldUpdates("bob");
      Recorder r = new Recorder();
      bus.subscribe(subject, r);
      try (Connection outside = NatsTesting.operatorClient(bus)) {
        Subscription watcher = outside.subscribe(subject);
        outside.flush(Duration.ofSeconds(2));

        bus.publish(subject, bytes("1 via NATS"));
        r.awaitCount(1);
        assertThat(new String(watcher.nextMessage(Duration.ofSeconds(5)).getData())).isEqualTo("1 via NATS");

        nats.stop(); // the console's "stop NATS" button
        eventually().until(() -> bus.status().state() != State.CONNECTED);
        assertThat(bus.status().degraded()).isTrue();
        assertThat(bus.status().summary()).isEqualTo("NATS managed, reconnecting: in-process delivery");

        bus.publish(subject, bytes("2 in-process"));
        bus.publish(subject, bytes("3 in-process"));
        r.awaitCount(3);

        nats.start(); // "start NATS": same port, the clients find it again
        eventually().until(() -> bus.status().state() == State.CONNECTED);
        eventually().until(() -> outside.getStatus() == Connection.Status.CONNECTED);
        outside.flush(Duration.ofSeconds(2));

        bus.publish(subject, bytes("4 via NATS"));
        r.awaitCount(4);
        assertThat(r.received).containsExactly("1 via NATS", "2 in-process", "3 in-process", "4 via NATS");
        // Only what went through NATS reached the outside watcher; 2 and 3 never touched the server.
        assertThat(new String(watcher.nextMessage(Duration.ofSeconds(5)).getData())).isEqualTo("4 via NATS");

        // The bus's NATS subscription was re-established: an outside publisher reaches it.
        outside.publish(subject, bytes("5 from outside"));
        r.awaitCount(5);
        assertThat(r.received).endsWith("5 from outside");
      }
      eventually().untilAsserted(() -> assertThat(log.states)
          .containsSubsequence(State.CONNECTED, State.RECONNECTING, State.CONNECTED));
    }
  }

  @Test
  void managedWithoutABinaryRunsInProcessAndSaysSo() {
    try (FailoverBus bus = Buses.managed(data, Optional.empty())) {
      BusStatus s = bus.status();
      assertThat(s.mode()).isEqualTo(Mode.IN_PROCESS);
      assertThat(s.state()).isEqualTo(State.UNAVAILABLE);
      assertThat(s.degraded()).isTrue();
      assertThat(s.url()).isNull();
      assertThat(s.detail()).startsWith("NATS unavailable: in-process delivery");
      assertThat(s.summary()).isEqualTo("NATS unavailable: in-process delivery");
      assertThat(bus.process()).isEmpty();

      List<BusStatus> heard = new CopyOnWriteArrayList<>();
      bus.addStatusListener(heard::add);
      eventually().until(() -> heard.size() == 1);
      assertThat(heard.get(0)).isEqualTo(s);

      Recorder r = new Recorder();
      BusSubscription sub = bus.subscribe(Subjects.worldUpdates("carol"), r);
      bus.publish(Subjects.worldUpdates("carol"), bytes("v1"));
      r.awaitCount(1);
      assertThat(r.received).containsExactly("v1");
      sub.close();
      sub.close();
    }
  }

  @Test
  void managedBusWhoseServerWillNotStartStillDeliversInProcess() throws Exception {
    Path binary = binaryOrSkip();
    // A data folder that is a file makes nats-server (and the config write) fail.
    Path notADir = data.resolve("blocked");
    java.nio.file.Files.writeString(notADir, "x");
    try (FailoverBus bus = Buses.managed(notADir, Optional.of(binary))) {
      assertThat(bus.status().degraded()).isTrue();
      Recorder r = new Recorder();
      bus.subscribe("test.s", r);
      bus.publish("test.s", bytes("still works"));
      r.awaitCount(1);
      assertThat(bus.process()).isPresent();
      assertThat(bus.process().orElseThrow().isRunning()).isFalse();
    }
  }

  @Test
  void closingAManagedBusStopsItsServer() throws Exception {
    FailoverBus bus = Buses.managed(data, Optional.of(binaryOrSkip()));
    ProcessHandle server = bus.process().orElseThrow().processHandle().orElseThrow();
    eventually().until(() -> bus.status().state() == State.CONNECTED);
    bus.close();
    assertThat(server.isAlive()).isFalse();
    assertThat(bus.process().orElseThrow().isRunning()).isFalse();
    eventually().until(() -> NatsTesting.liveThreads("bus-").isEmpty()
        && NatsTesting.liveThreads("scrying-server").isEmpty());
  }

  @Test
  void inProcessBusNeverTouchesNats() {
    try (FailoverBus bus = Buses.inProcess()) {
      assertThat(bus.status()).isEqualTo(BusStatus.inProcess(BusStatus.IN_PROCESS_DETAIL));
      assertThat(bus.monitor()).isEmpty();
      Recorder r = new Recorder();
      bus.subscribe("x", r);
      bus.publish("x", bytes("1"));
      r.awaitCount(1);
    }
  }
}
