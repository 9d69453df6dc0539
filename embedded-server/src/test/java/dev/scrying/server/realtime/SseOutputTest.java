package dev.scrying.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

  @Test
  void aFullQueueStillEndsWithItsLastFrames() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SseOutput out = new SseOutput(bytes, 3);
    for (int i = 0; i < 3; i++) {
      assertThat(out.offer("u" + i + "\n")).isTrue();
    }
    assertThat(out.offer("u3\n")).as("over the bound").isFalse();
    out.endWith("done\n");
    assertThat(out.pump(5_000)).as("the end marker got in").isTrue();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("u0\nu1\nu2\ndone\n");
  }

  /** The race G20 found: a frame another thread offers while the stream ends comes before done or not at all. */
  @Test
  void aFrameRacingTheEndIsNeverAfterDone() throws Exception {
    for (int round = 0; round < 500; round++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      SseOutput out = new SseOutput(bytes, 10_000);
      AtomicInteger offered = new AtomicInteger();
      Thread forwarder = new Thread(() -> {
        while (offered.get() < 5_000 && out.offer("update\n")) {
          offered.incrementAndGet();
        }
      });
      forwarder.start();
      // End while the forwarder is busy offering, not before it starts or after it stops.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (offered.get() < 50 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      out.endWith("metadata\n", "done\n");
      assertThat(out.pump(5_000)).isTrue();
      forwarder.join(TimeUnit.SECONDS.toMillis(5));
      assertThat(bytes.toString(StandardCharsets.UTF_8)).as("round %d", round).endsWith("metadata\ndone\n");
    }
  }

  /**
   * The race a restart storm found in CI: an update that arrives after a restarting server finished the
   * stream is refused, and a full queue's start-over must not drop the restart frame and the end marker
   * with it, or the writer waits on an empty queue until the HTTP server is stopped under it.
   */
  @Test
  void aFrameRefusedAfterTheFinishLeavesTheEndInPlace() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SseOutput out = new SseOutput(bytes, 100);
    assertThat(out.offer("u0\n")).isTrue();
    out.finish(": restarting\n");
    assertThat(out.offer("late\n")).as("refused once finished").isFalse();
    assertThat(out.clearIfOpen()).as("nothing to start over").isFalse();
    assertThat(out.pump(2_000)).as("ended by the marker, not the deadline").isTrue();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(": restarting\n");
  }

  @Test
  void anOpenStreamStartsOverFromEmpty() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SseOutput out = new SseOutput(bytes, 2);
    out.offer("u0\n");
    out.offer("u1\n");
    assertThat(out.offer("u2\n")).isFalse();
    assertThat(out.clearIfOpen()).isTrue();
    out.offer("snapshot\n");
    out.endWith("done\n");
    assertThat(out.pump(2_000)).isTrue();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("snapshot\ndone\n");
  }
}
