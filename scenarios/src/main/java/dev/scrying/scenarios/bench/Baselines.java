package dev.scrying.scenarios.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The floors every figure is compared with, measured in the same run: a raw NATS publish to subscribe
 * of the same payload through the same server, and a raw write + fsync of a journal-sized record on
 * the same disk.
 */
final class Baselines {
  private Baselines() {}

  /**
   * Publish to receive through the server's nats-server, {@code count} messages of {@code size} bytes at
   * {@code rate}/s, as the observer user the server hands an admin (it may publish only probes).
   */
  static Histogram nats(JsonNode access, int size, int count, double rate) throws Exception {
    Histogram h = new Histogram(60_000_000L, 3);
    String subject = access.path("probe_subjects").asText("scrying.probe.>").replace(">", "baseline");
    Options options = new Options.Builder().server(access.path("url").asText())
        .userInfo(access.path("user").asText(), access.path("password").asText())
        .connectionTimeout(Duration.ofSeconds(5)).build();
    try (Connection pub = Nats.connect(options); Connection sub = Nats.connect(options)) {
      CountDownLatch done = new CountDownLatch(count);
      Dispatcher d = sub.createDispatcher(m -> {
        long sent = ByteBuffer.wrap(m.getData()).getLong();
        h.recordValue(Math.max(0, (System.nanoTime() - sent) / 1_000));
        done.countDown();
      });
      d.subscribe(subject);
      sub.flush(Duration.ofSeconds(5));
      byte[] payload = new byte[Math.max(8, size)];
      Arrays.fill(payload, (byte) 'x');
      long period = (long) (1_000_000_000L / rate);
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        awaitNanos(start + i * period, rate <= SPIN_UP_TO_RATE);
        ByteBuffer.wrap(payload).putLong(System.nanoTime());
        pub.publish(subject, payload.clone());
      }
      done.await(30, TimeUnit.SECONDS);
    }
    return h;
  }

  /** Write + force of {@code size}-byte records appended to one file, {@code count} times back to back. */
  static Histogram fsync(Path dir, int size, int count) throws IOException {
    return fsync(dir, size, count, 0);
  }

  /** The same at {@code rate} records a second (0: back to back), as a journal sees them at that load. */
  static Histogram fsync(Path dir, int size, int count, double rate) throws IOException {
    Histogram h = new Histogram(60_000_000L, 3);
    Path file = Files.createTempFile(dir, "fsync-baseline", ".log");
    byte[] record = new byte[size];
    Arrays.fill(record, (byte) 'j');
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        if (rate > 0) {
          awaitNanos(start + (long) (i * 1_000_000_000L / rate), rate <= SPIN_UP_TO_RATE);
        }
        long t0 = System.nanoTime();
        ch.write(ByteBuffer.wrap(record));
        ch.force(false);
        h.recordValue((System.nanoTime() - t0) / 1_000);
      }
    } finally {
      Files.deleteIfExists(file);
    }
    return h;
  }

  /**
   * Waits until {@code due} ({@link System#nanoTime}). At a low rate ({@code spin}) it parks until shortly
   * before and then spins, because a parked thread wakes up to a few hundred microseconds late on a VM,
   * which would be charged to the server as latency from the intended send time; at a high rate the spin
   * would take a core the server needs, and the lateness is small beside the queueing it measures.
   */
  static void awaitNanos(long due, boolean spin) {
    long wait = due - System.nanoTime();
    if (!spin) {
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      return;
    }
    if (wait > SPIN_NANOS) {
      LockSupport.parkNanos(wait - SPIN_NANOS);
    }
    while (System.nanoTime() < due) {
      Thread.onSpinWait();
    }
  }

  /** Rates at or below this many a second are paced with a spin (see {@link #awaitNanos}). */
  static final double SPIN_UP_TO_RATE = 100;

  private static final long SPIN_NANOS = 300_000;
}
