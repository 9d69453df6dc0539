package dev.scrying.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The outbox of a client that stopped reading: bounded, and nothing slips in between an overflow and its snapshot. */
class OutboxTest {
  @Test
  void afterAnOverflowOnlyTheSnapshotOpensTheQueueAgain() throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch stalled = new CountDownLatch(1);
    List<String> written = new CopyOnWriteArrayList<>();
    AtomicInteger overflows = new AtomicInteger();
    Outbox out = new Outbox(pool, frame -> {
      stalled.countDown();
      reading.await(10, TimeUnit.SECONDS); // the client does not read
      written.add(frame);
    }, 10, overflows::incrementAndGet, () -> { });
    try {
      out.offer("e0");
      assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
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
      reading.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> written.size() == 3);
      // e0 was already being written when the client stalled; then the snapshot and what follows it.
      assertThat(written).containsExactly("e0", "aoi", "e13");
    } finally {
      pool.shutdownNow();
    }
  }
}
