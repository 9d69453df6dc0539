package dev.scrying.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The outbox of a client: writes start on the offering thread without blocking it, frames stay in order
 * whichever thread completes a write, a client that stopped reading is bounded and resynced, and a write
 * that never completes is visible.
 */
class OutboxTest {
  private static final java.util.concurrent.ExecutorService POOL = java.util.concurrent.Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "outbox-pool");
    t.setDaemon(true);
    return t;
  });

  /** A network that completes writes at once (room in the socket) or holds them until the test says. */
  private static final class Network implements Outbox.Sink {
    final List<String> written = new CopyOnWriteArrayList<>();
    final LinkedBlockingQueue<Outbox.Done> held = new LinkedBlockingQueue<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    volatile boolean room = true;

    @Override
    public void write(String frame, Outbox.Done done) {
      written.add(frame);
      threads.add(Thread.currentThread().getName());
      if (room) {
        done.succeeded();
      } else {
        held.add(done);
      }
    }
  }

  @Test
  void aFrameOfferedToAnIdleOutboxWhileWritingHereIsWrittenOnTheOfferingThread() {
    Network net = new Network();
    Outbox out = new Outbox(POOL, net, 10, () -> { }, () -> { });
    Outbox.writingHere(() -> {
      for (int i = 0; i < 5_000; i++) {
        assertThat(out.offer("e" + i)).isTrue();
      }
    });
    assertThat(net.written).hasSize(5_000).startsWith("e0", "e1").endsWith("e4999");
    assertThat(net.threads).containsOnly(Thread.currentThread().getName());
    assertThat(out.pendingMillis()).isZero();
  }

  @Test
  void anOfferFromElsewhereIsWrittenByTheExecutorInOrder() {
    Network net = new Network();
    Outbox out = new Outbox(POOL, net, 10_000, () -> { }, () -> { });
    for (int i = 0; i < 5_000; i++) {
      assertThat(out.offer("e" + i)).isTrue();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> net.written.size() == 5_000);
    assertThat(net.written).startsWith("e0", "e1").endsWith("e4999");
    assertThat(net.threads).containsOnly("outbox-pool");
  }

  @Test
  void whoeverCompletesAWriteWritesTheRestInOrderWithoutRecursing() throws Exception {
    Network net = new Network();
    Outbox out = new Outbox(POOL, net, 10_000, () -> { }, () -> { });
    net.room = false;
    Outbox.writingHere(() -> {
      out.offer("first");
      for (int i = 0; i < 9_000; i++) {
        out.offer("e" + i);
      }
    });
    assertThat(net.written).containsExactly("first");
    assertThat(out.size()).isEqualTo(9_000);
    net.room = true;
    Outbox.Done pending = net.held.take();
    Thread completer = new Thread(pending::succeeded, "network-completion");
    completer.start();
    completer.join(10_000);
    List<String> expected = new ArrayList<>(List.of("first"));
    for (int i = 0; i < 9_000; i++) {
      expected.add("e" + i);
    }
    // 9,000 writes that each complete at once, run by one completion: a loop, not 9,000 nested calls.
    assertThat(net.written).containsExactlyElementsOf(expected);
    assertThat(net.threads.subList(1, net.threads.size())).containsOnly("network-completion");
    assertThat(out.size()).isZero();
  }

  @Test
  void afterAnOverflowOnlyTheSnapshotOpensTheQueueAgain() throws Exception {
    Network net = new Network();
    AtomicInteger overflows = new AtomicInteger();
    Outbox out = new Outbox(POOL, net, 10, overflows::incrementAndGet, () -> { });
    net.room = false; // the client does not read
    Outbox.writingHere(() -> out.offer("e0"));
    for (int i = 1; i <= 11; i++) {
      out.offer("e" + i);
    }
    assertThat(overflows.get()).isEqualTo(1);
    assertThat(out.size()).as("the queue was dropped").isZero();
    // Another thread's event, the heartbeat, an answer: none may reach the client before the snapshot.
    assertThat(out.offer("e12")).isFalse();
    assertThat(out.offer("heartbeat")).isFalse();
    assertThat(out.size()).isZero();
    assertThat(out.offerSnapshot("aoi")).isTrue();
    assertThat(out.offer("e13")).isTrue();
    net.room = true;
    net.held.take().succeeded();
    // e0 was already in the network's hands when the client stalled; then the snapshot and what follows it.
    assertThat(net.written).containsExactly("e0", "aoi", "e13");
  }

  @Test
  void aWriteThatNeverCompletesShowsHowLongItHasWaited() throws Exception {
    Network net = new Network();
    Outbox out = new Outbox(POOL, net, 10, () -> { }, () -> { });
    net.room = false;
    Outbox.writingHere(() -> out.offer("stuck"));
    await().atMost(Duration.ofSeconds(5)).until(() -> out.pendingMillis() >= 20);
    net.room = true;
    net.held.take().succeeded();
    assertThat(out.pendingMillis()).isZero();
    Outbox.writingHere(() -> assertThat(out.offer("next")).isTrue());
    assertThat(net.written).containsExactly("stuck", "next");
  }

  @Test
  void aFailedWriteClosesTheOutboxAndTellsTheOwnerOnce() throws Exception {
    Network net = new Network();
    AtomicInteger failures = new AtomicInteger();
    Outbox out = new Outbox(POOL, net, 10, () -> { }, failures::incrementAndGet);
    net.room = false;
    Outbox.writingHere(() -> {
      out.offer("e0");
      out.offer("e1");
    });
    Outbox.Done pending = net.held.take();
    pending.failed(new java.io.IOException("connection reset"));
    pending.failed(new java.io.IOException("reported twice"));
    assertThat(failures.get()).isEqualTo(1);
    assertThat(out.offer("e2")).isFalse();
    assertThat(out.size()).isZero();
    assertThat(net.written).containsExactly("e0");
  }
}
