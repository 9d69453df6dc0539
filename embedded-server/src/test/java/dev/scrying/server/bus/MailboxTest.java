package dev.scrying.server.bus;

import static dev.scrying.server.bus.NatsTesting.bytes;
import static dev.scrying.server.bus.NatsTesting.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MailboxTest {

  @Test
  void aSubscriberThatFallsTooFarBehindLosesNewPayloadsNotThePublisher() throws InterruptedException {
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      List<String> got = new CopyOnWriteArrayList<>();
      Mailbox box = new Mailbox("s", p -> {
        started.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        got.add(new String(p));
      }, pool, 10);

      box.offer(bytes("0"));
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue(); // "0" is in the handler, the queue is empty
      for (int i = 1; i <= 20; i++) {
        box.offer(bytes(Integer.toString(i)));
      }
      assertThat(box.dropped()).isEqualTo(10);

      release.countDown();
      eventually().until(() -> got.size() == 11);
      assertThat(got).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closedMailboxDeliversNothingMore() throws InterruptedException {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      List<String> got = new CopyOnWriteArrayList<>();
      Mailbox box = new Mailbox("s", p -> got.add(new String(p)), pool, 10);
      box.offer(bytes("a"));
      eventually().until(() -> got.size() == 1);
      box.close();
      box.offer(bytes("b"));
      pool.submit(() -> { }).get(5, TimeUnit.SECONDS); // anything scheduled before has run
      assertThat(got).containsExactly("a");
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    } finally {
      pool.shutdownNow();
    }
  }
}
