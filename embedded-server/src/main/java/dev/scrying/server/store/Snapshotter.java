package dev.scrying.server.store;

import dev.scrying.experiences.Json;
import dev.scrying.server.engine.ExperienceEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes snapshots and Git commits on its own thread, off the latency path. Commits coalesce: when
 * several versions land while one commit runs, the next commit covers them all, and its message
 * names each command. Failures are logged and retried on the next change; the journal stays the
 * source of truth meanwhile.
 */
public final class Snapshotter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Snapshotter.class);

  private final ExperienceEngine engine;
  private final StateFolder folder;
  private final Thread thread;
  private final Object signal = new Object();
  private final AtomicLong committedVersion = new AtomicLong();
  private final ConcurrentLinkedQueue<Summary> summaries = new ConcurrentLinkedQueue<>();
  private boolean dirty = true;
  private volatile boolean running = true;

  public Snapshotter(ExperienceEngine engine) {
    this.engine = engine;
    this.folder = engine.folder();
    engine.onCommit(this::wake);
    engine.addListener(r -> summaries.add(new Summary(r.version(), summary(r))));
    this.thread = new Thread(this::loop, "snapshot-" + engine.experience().id());
    thread.setDaemon(true);
    thread.start();
  }

  /** The newest version recorded in Git. */
  public long committedVersion() {
    return committedVersion.get();
  }

  private void wake() {
    synchronized (signal) {
      dirty = true;
      signal.notifyAll();
    }
  }

  /** Blocks until the Git history holds {@code version} or the timeout passes; for tests and shutdown. */
  public boolean awaitCommitted(long version, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (signal) {
      while (committedVersion.get() < version) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        signal.wait(left);
      }
      return true;
    }
  }

  private void loop() {
    while (running) {
      synchronized (signal) {
        while (!dirty && running) {
          try {
            signal.wait(1_000);
          } catch (InterruptedException e) {
            return;
          }
        }
        dirty = false;
      }
      writeOnce();
    }
  }

  private void writeOnce() {
    try {
      Snapshot s = engine.read(state -> {
        Map<String, byte[]> players = new LinkedHashMap<>();
        state.players().forEach((id, view) -> players.put(id, Json.pretty(view).getBytes()));
        return new Snapshot(state.version(), Json.writeBytes(state.toJson()), Json.pretty(state.world()).getBytes(), players);
      }).get(30, TimeUnit.SECONDS);
      if (s.version() <= committedVersion.get()) {
        return;
      }
      folder.writeSnapshot(s.version(), s.snapshot(), s.world(), s.players());
      folder.history().commit(message(committedVersion.get(), s.version()));
      committedVersion.set(s.version());
      synchronized (signal) {
        signal.notifyAll();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } catch (Exception e) {
      LOG.warn("snapshot of {} failed ({}); will retry on the next change", engine.experience().id(), e.toString());
    }
  }

  private String message(long from, long to) {
    List<String> lines = new java.util.ArrayList<>();
    while (!summaries.isEmpty() && summaries.peek().version() <= to) {
      Summary next = summaries.poll();
      if (next.version() > from) {
        lines.add(next.text());
      }
    }
    if (lines.size() == 1) {
      return lines.get(0);
    }
    StringBuilder m = new StringBuilder("v").append(to).append(": ")
        .append(lines.isEmpty() ? "snapshot" : lines.size() + " commands").append("\n");
    lines.forEach(l -> m.append("\n").append(l));
    return m.toString();
  }

  static String summary(dev.scrying.server.engine.CommandResult r) {
    StringBuilder s = new StringBuilder("v").append(r.version()).append(' ').append(r.action());
    r.command().fields().forEachRemaining(f -> {
      if (f.getKey().equals("args")) {
        f.getValue().forEach(a -> s.append(' ').append(a.asText()));
      } else if (!f.getKey().equals("action") && f.getValue().isValueNode()) {
        s.append(' ').append(f.getValue().asText());
      }
    });
    return s.append(" by ").append(r.userId()).toString();
  }

  private record Summary(long version, String text) {}

  private record Snapshot(long version, byte[] snapshot, byte[] world, Map<String, byte[]> players) {}

  @Override
  public void close() {
    running = false;
    wake();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    // A last snapshot on this thread, now that the loop has stopped, so a clean stop leaves Git current.
    writeOnce();
  }

}
