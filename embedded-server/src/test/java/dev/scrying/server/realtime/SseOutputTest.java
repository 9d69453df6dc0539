package dev.scrying.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SseOutputTest {
  @Test
  void nothingOfferedAfterTheLastFramesIsWritten() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SseOutput out = new SseOutput(bytes, 100);
    assertThat(out.offer("a\n")).isTrue();
    out.endWith("b\n", "done\n");
    assertThat(out.offer("late\n")).as("refused once ended").isFalse();
    assertThat(out.pump(5_000)).isTrue();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("a\nb\ndone\n");
  }

  /** The race G20 found: a forwarded frame offered while the stream ends must come before done or not at all. */
  @Test
  void aFrameRacingTheEndIsNeverAfterDone() throws Exception {
    for (int round = 0; round < 2_000; round++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      SseOutput out = new SseOutput(bytes, 10_000);
      CountDownLatch go = new CountDownLatch(1);
      AtomicBoolean stop = new AtomicBoolean();
      Thread forwarder = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        while (!stop.get() && out.offer("update\n")) {
          Thread.onSpinWait();
        }
      });
      forwarder.start();
      go.countDown();
      out.endWith("metadata\n", "done\n");
      assertThat(out.pump(5_000)).isTrue();
      stop.set(true);
      forwarder.join(TimeUnit.SECONDS.toMillis(5));
      assertThat(bytes.toString(StandardCharsets.UTF_8)).as("round %d", round).endsWith("metadata\ndone\n");
    }
  }
}
