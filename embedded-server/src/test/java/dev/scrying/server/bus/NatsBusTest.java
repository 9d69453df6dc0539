package dev.scrying.server.bus;

import static dev.scrying.server.bus.NatsTesting.binaryOrSkip;
import static dev.scrying.server.bus.NatsTesting.bytes;
import static dev.scrying.server.bus.NatsTesting.eventually;
import static dev.scrying.server.bus.NatsTesting.outsideClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrying.server.bus.BusStatus.Mode;
import dev.scrying.server.bus.BusStatus.State;
import dev.scrying.server.bus.NatsTesting.Recorder;
import io.nats.client.Connection;
import io.nats.client.api.StreamInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bus against a real nats-server. */
class NatsBusTest {
  @TempDir Path data;
  private NatsProcess nats;

  @BeforeEach
  void startNats() throws Exception {
    nats = NatsProcess.start(binaryOrSkip(), data);
  }

  @AfterEach
  void stopNats() {
    if (nats != null) {
      nats.close();
    }
  }

  private static List<String> numbers(int n) {
    return IntStream.range(0, n).mapToObj(Integer::toString).toList();
  }

  private static void awaitConnectedWithJetStream(EventBus bus) {
    eventually().until(() -> bus.status().state() == State.CONNECTED && bus.status().jetStream());
  }

  @Test
  void natsBusRoundTripKeepsOrderForAThousandMessages() throws Exception {
    try (NatsBus bus = NatsBus.start(NatsBus.Settings.of(nats.url(), Mode.EXTERNAL));
         Connection outside = outsideClient(nats.url())) {
      awaitConnectedWithJetStream(bus);
      Recorder ours = new Recorder();
      bus.subscribe("test.order", ours);
      List<String> theirs = new ArrayList<>();
      var outsideSub = outside.subscribe("test.order");
      outside.flush(java.time.Duration.ofSeconds(2));

      numbers(1_000).forEach(n -> bus.publish("test.order", bytes(n)));

      ours.awaitCount(1_000);
      assertThat(ours.received).containsExactlyElementsOf(numbers(1_000));
      assertThat(ours.threads).allMatch(t -> t.startsWith("bus-nats"));
      for (int i = 0; i < 1_000; i++) {
        theirs.add(new String(outsideSub.nextMessage(java.time.Duration.ofSeconds(5)).getData()));
      }
      assertThat(theirs).as("an outside NATS client sees the same stream").containsExactlyElementsOf(numbers(1_000));
    }
  }

  @Test
  void managedFailoverBusRoundTripsOverNatsInOrderAndReportsItsStatus() throws Exception {
    try (FailoverBus bus = Buses.managed(data.resolve("managed"), Optional.of(binaryOrSkip()));
         Connection outside = NatsTesting.operatorClient(bus)) {
      awaitConnectedWithJetStream(bus);
      BusStatus status = bus.status();
      assertThat(status.mode()).isEqualTo(Mode.MANAGED);
      assertThat(status.degraded()).isFalse();
      assertThat(status.url()).isEqualTo(bus.process().orElseThrow().url());
      assertThat(status.summary()).isEqualTo("NATS managed, connected, JetStream on");

      Recorder ours = roundTripThroughNats(bus, outside, Subjects.worldUpdates("alice_01"), 1_000);
      assertThat(ours.threads).allMatch(t -> t.startsWith("bus-deliver"));

      // ...and the JetStream stream kept it for outside consumers.
      eventually().untilAsserted(() -> {
        StreamInfo info = outside.jetStreamManagement().getStreamInfo(NatsBus.WORLD_UPDATES_STREAM);
        assertThat(info.getConfiguration().getSubjects()).containsExactly(Subjects.ALL_WORLD_UPDATES);
        assertThat(info.getConfiguration().getMaxAge()).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(info.getStreamState().getMsgCount()).isEqualTo(1_000);
      });
    }
  }

  @Test
  void withoutTheMirrorUpdatesStillFlowButNoStreamKeepsThem() throws Exception {
    try (FailoverBus bus = Buses.managed(data.resolve("unmirrored"), Optional.of(binaryOrSkip()), false);
         Connection outside = NatsTesting.operatorClient(bus)) {
      awaitConnectedWithJetStream(bus);
      roundTripThroughNats(bus, outside, Subjects.worldUpdates("bob_02"), 10);
      assertThatThrownBy(() -> outside.jetStreamManagement().getStreamInfo(NatsBus.WORLD_UPDATES_STREAM))
          .isInstanceOfSatisfying(io.nats.client.JetStreamApiException.class,
              e -> assertThat(e.getApiErrorCode()).as("stream not found").isEqualTo(10059));
    }
  }

  /** Publishes {@code count} numbers on {@code subject}; our subscriber gets them all in order, and an outside client too. */
  private static Recorder roundTripThroughNats(FailoverBus bus, Connection outside, String subject, int count) throws Exception {
    Recorder ours = new Recorder();
    bus.subscribe(subject, ours);
    var outsideSub = outside.subscribe(subject);
    outside.flush(java.time.Duration.ofSeconds(2));
    numbers(count).forEach(n -> bus.publish(subject, bytes(n)));
    ours.awaitCount(count);
    assertThat(ours.received).containsExactlyElementsOf(numbers(count));
    // It went through NATS: an outside client saw it too.
    assertThat(outsideSub.nextMessage(java.time.Duration.ofSeconds(5)).getData()).isEqualTo(bytes("0"));
    return ours;
  }

  @Test
  void subscriptionCountRisesAndReturnsToBaselineAfterClosingAHundredSubscriptions() throws Exception {
    NatsMonitor monitor = new NatsMonitor(nats.monitorUrl());
    try (FailoverBus bus = FailoverBus.over(NatsBus.start(NatsBus.Settings.of(nats.url(), Mode.EXTERNAL)))) {
      awaitConnectedWithJetStream(bus);
      long baseline = monitor.subscriptionCount();

      List<BusSubscription> subs = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        subs.add(bus.subscribe(Subjects.worldUpdates("player" + i), p -> { }));
      }
      eventually().until(() -> monitor.subscriptionCount() == baseline + 100);
      NatsMonitor.Connections connz = monitor.connections();
      NatsMonitor.Client ours = connz.clients().stream().filter(c -> c.name().equals("scrying-server"))
          .findFirst().orElseThrow();
      assertThat(ours.subjects()).contains("world.updates.user.player0", "world.updates.user.player99");

      subs.forEach(BusSubscription::close);
      subs.forEach(BusSubscription::close); // twice is harmless
      eventually().until(() -> monitor.subscriptionCount() == baseline);
      assertThat(monitor.connections().clients().stream().filter(c -> c.name().equals("scrying-server"))
          .findFirst().orElseThrow().subjects()).noneMatch(s -> s.startsWith("world.updates.user.player"));
    }
    eventually().until(() -> monitor.connections().count() == 0);
  }

  @Test
  void aClusterListConnectsToWhicheverMemberIsUp() throws Exception {
    int dead = NatsProcess.freePorts(1)[0];
    try (FailoverBus bus = Buses.external("nats://127.0.0.1:" + dead + ", " + nats.url())) {
      eventually().until(() -> bus.status().state() == State.CONNECTED);
      assertThat(bus.status().mode()).isEqualTo(Mode.EXTERNAL);
      assertThat(bus.status().url()).isEqualTo("nats://127.0.0.1:" + dead + "," + nats.url());
      Recorder r = new Recorder();
      bus.subscribe("test.cluster", r);
      bus.publish("test.cluster", bytes("hello"));
      r.awaitCount(1);
      assertThat(r.received).containsExactly("hello");
    }
  }

  @Test
  void closingTheBusReleasesItsConnectionAndThreads() throws Exception {
    NatsMonitor monitor = new NatsMonitor(nats.monitorUrl());
    FailoverBus bus = FailoverBus.over(NatsBus.start(NatsBus.Settings.of(nats.url(), Mode.EXTERNAL)));
    bus.subscribe("test.close", p -> { });
    bus.publish("test.close", bytes("x"));
    eventually().until(() -> monitor.connections().count() == 1);
    bus.close();
    bus.close();
    assertThat(bus.status().state()).isEqualTo(State.DISCONNECTED);
    eventually().until(() -> monitor.connections().count() == 0);
    eventually().until(() -> NatsTesting.liveThreads("bus-").isEmpty() && NatsTesting.liveThreads("scrying-server").isEmpty());
  }
}
