package dev.scrying.server.bus;

import static dev.scrying.server.bus.NatsTesting.bytes;
import static dev.scrying.server.bus.NatsTesting.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scrying.server.bus.NatsTesting.Recorder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LocalBusTest {

  private static List<String> numbers(int n) {
    return IntStream.range(0, n).mapToObj(Integer::toString).toList();
  }

  @Test
  void everySubscriberGetsEveryPayloadInPublishOrderOnABusThread() {
    try (LocalBus bus = new LocalBus()) {
      Recorder a = new Recorder();
      Recorder b = new Recorder();
      bus.subscribe("world.updates.user.alice", a);
      bus.subscribe("world.updates.user.alice", b);
      numbers(1_000).forEach(n -> bus.publish("world.updates.user.alice", bytes(n)));
      a.awaitCount(1_000);
      b.awaitCount(1_000);
      assertThat(a.received).containsExactlyElementsOf(numbers(1_000));
      assertThat(b.received).containsExactlyElementsOf(numbers(1_000));
      assertThat(a.threads).allMatch(t -> t.startsWith("bus-local"));
    }
  }

  @Test
  void subjectsAreExactAndSeparate() {
    try (LocalBus bus = new LocalBus()) {
      Recorder alice = new Recorder();
      Recorder bob = new Recorder();
      bus.subscribe("world.updates.user.alice", alice);
      bus.subscribe("world.updates.user.bob", bob);
      bus.publish("world.updates.user.bob", bytes("b"));
      bus.publish("world.updates.user.alice", bytes("a"));
      alice.awaitCount(1);
      bob.awaitCount(1);
      assertThat(alice.received).containsExactly("a");
      assertThat(bob.received).containsExactly("b");
    }
  }

  @Test
  void aSlowHandlerBlocksNeitherPublishNorOtherSubscribers() throws InterruptedException {
    try (LocalBus bus = new LocalBus()) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch slowStarted = new CountDownLatch(1);
      List<String> slowGot = new CopyOnWriteArrayList<>();
      bus.subscribe("s", p -> {
        slowStarted.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        slowGot.add(new String(p));
      });
      Recorder fast = new Recorder();
      bus.subscribe("s", fast);

      long start = System.nanoTime();
      numbers(500).forEach(n -> bus.publish("s", bytes(n)));
      long publishMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
      fast.awaitCount(500);
      assertThat(fast.received).containsExactlyElementsOf(numbers(500));
      assertThat(publishMillis).as("500 publishes with a stuck subscriber").isLessThan(2_000);

      release.countDown();
      eventually().until(() -> slowGot.size() == 500);
      assertThat(slowGot).containsExactlyElementsOf(numbers(500));
    }
  }

  @Test
  void aFailingHandlerKeepsReceiving() {
    try (LocalBus bus = new LocalBus()) {
      Recorder r = new Recorder();
      bus.subscribe("s", p -> {
        r.accept(p);
        throw new IllegalStateException("handler bug");
      });
      bus.publish("s", bytes("1"));
      bus.publish("s", bytes("2"));
      r.awaitCount(2);
      assertThat(r.received).containsExactly("1", "2");
    }
  }

  @Test
  void closingASubscriptionStopsDeliveryAndIsIdempotent() {
    try (LocalBus bus = new LocalBus()) {
      Recorder r = new Recorder();
      Recorder witness = new Recorder();
      BusSubscription sub = bus.subscribe("s", r);
      bus.subscribe("s", witness);
      assertThat(bus.subscriptionCount()).isEqualTo(2);
      bus.publish("s", bytes("before"));
      r.awaitCount(1);
      sub.close();
      sub.close();
      assertThat(bus.subscriptionCount()).isEqualTo(1);
      bus.publish("s", bytes("after"));
      witness.awaitCount(2);
      assertThat(r.received).containsExactly("before");
    }
  }

  @Test
  void subscribersSeeACopyOfThePublishedBytes() {
    try (LocalBus bus = new LocalBus()) {
      Recorder r = new Recorder();
      bus.subscribe("s", r);
      byte[] buffer = bytes("one");
      bus.publish("s", buffer);
      buffer[0] = 'X';
      r.awaitCount(1);
      assertThat(r.received).containsExactly("one");
    }
  }

  @Test
  void statusSaysInProcessAndListenersHearItOnce() {
    try (LocalBus bus = new LocalBus()) {
      assertThat(bus.status().mode()).isEqualTo(BusStatus.Mode.IN_PROCESS);
      assertThat(bus.status().state()).isEqualTo(BusStatus.State.UNAVAILABLE);
      assertThat(bus.status().degraded()).isTrue();
      assertThat(bus.status().summary()).isEqualTo("NATS unavailable: in-process delivery");
      List<BusStatus> heard = new CopyOnWriteArrayList<>();
      bus.addStatusListener(heard::add);
      eventually().until(() -> heard.size() == 1);
      assertThat(heard).containsExactly(bus.status());
    }
  }

  @Test
  void aClosedBusDropsPublishesAndRefusesSubscriptions() {
    LocalBus bus = new LocalBus();
    bus.close();
    bus.close();
    bus.publish("s", bytes("ignored"));
    assertThatThrownBy(() -> bus.subscribe("s", p -> { })).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void publishNeverThrowsOnNonsense() {
    try (LocalBus bus = new LocalBus()) {
      bus.publish(null, bytes("x"));
      bus.publish("s", null);
      bus.publish("a.*", bytes("x"));
    }
  }
}
