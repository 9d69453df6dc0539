package dev.scrying.server.store;

import dev.scrying.experiences.Json;
import dev.scrying.server.engine.ExperienceEngine;
import dev.scrying.server.engine.GameState;
import java.nio.charset.StandardCharsets;
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
  /** The recovery snapshot is rewritten at most this often; the journal covers what comes after it. */
  static final long FULL_SNAPSHOT_MILLIS = 5_000;
  /** Commits coalesce: at most one per this interval, however fast commands land. */
  static final long MIN_COMMIT_INTERVAL_MILLIS = 200;

  private final ExperienceEngine engine;
  private final StateFolder folder;
  private final Thread thread;
  private final Object signal = new Object();
  private final AtomicLong committedVersion = new AtomicLong();
  private final ConcurrentLinkedQueue<Summary> summaries = new ConcurrentLinkedQueue<>();
  private boolean dirty = true;
  private long lastFullSnapshot;
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
      long started = System.nanoTime();
      writeOnce();
      // Under heavy load a commit costs more (bigger world, more players); spacing commits by a
      // multiple of that cost keeps the snapshot thread from taking the writer's CPU.
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      pause(Math.max(MIN_COMMIT_INTERVAL_MILLIS, 4 * took));
    }
  }

  private void writeOnce() {
    writeOnce(false);
  }

  /**
   * One snapshot cycle. The writer thread only serialises what changed (and, every
   * {@link #FULL_SNAPSHOT_MILLIS} or when stopping, the whole state); the files and the commit are
   * written here, off the latency path.
   */
  private void writeOnce(boolean full) {
    try {
      boolean withState = full || System.currentTimeMillis() - lastFullSnapshot >= FULL_SNAPSHOT_MILLIS;
      Snapshot s = engine.read(state -> {
        GameState.Changed changed = state.drainChanged();
        Map<String, byte[]> players = new LinkedHashMap<>();
        for (String id : changed.players()) {
          if (state.player(id) != null) {
            players.put(id, Json.pretty(state.player(id)).getBytes(StandardCharsets.UTF_8));
          }
        }
        byte[] world = changed.world() ? Json.pretty(state.world()).getBytes(StandardCharsets.UTF_8) : null;
        return new Snapshot(state.version(), withState ? Json.writeBytes(state.toJson()) : null, world, players);
      }).get(30, TimeUnit.SECONDS);
      if (s.snapshot() != null) {
        folder.writeSnapshot(s.snapshot());
        lastFullSnapshot = System.currentTimeMillis();
      }
      if (s.version() <= committedVersion.get()) {
        return;
      }
      folder.writeReadable(s.world(), s.players());
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

  /** Waits between commits so that a burst of commands becomes one commit; wakes early on close. */
  private void pause(long millis) {
    long deadline = System.currentTimeMillis() + millis;
    synchronized (signal) {
      while (running && System.currentTimeMillis() < deadline) {
        try {
          signal.wait(Math.max(1, deadline - System.currentTimeMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

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
    writeOnce(true);
  }

}
