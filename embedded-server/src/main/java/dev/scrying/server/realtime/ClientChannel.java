package dev.scrying.server.realtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's position in its player's event chain. Events may arrive twice (NATS and the action's
 * own result) or out of step (a reconnect); this turns them into exactly the gapless sequence the
 * client needs: duplicates are dropped, a gap is filled from the {@link EventLog}, and when that is
 * impossible (or the outbox overflowed) the client gets a fresh snapshot. Thread-safe: events come
 * from bus threads and request threads.
 */
public final class ClientChannel {
  private static final Logger LOG = LoggerFactory.getLogger(ClientChannel.class);

  /** Where a channel's frames go, in order. */
  public interface Writer {
    void event(WorldUpdateEvent event);

    void snapshot(ObjectNode areaOfInterest);
  }

  private enum State { WAITING_FOR_SNAPSHOT, LIVE, CLOSED }

  private final String userId;
  private final EventLog log;
  private final Writer writer;
  private final Supplier<CompletableFuture<ObjectNode>> snapshots;
  private final List<WorldUpdateEvent> held = new ArrayList<>();
  private final List<Runnable> afterSnapshot = new ArrayList<>();
  private State state = State.WAITING_FOR_SNAPSHOT;
  private long version = -1;
  private long generation;

  public ClientChannel(String userId, EventLog log, Writer writer, Supplier<CompletableFuture<ObjectNode>> snapshots) {
    this.userId = userId;
    this.log = log;
    this.writer = writer;
    this.snapshots = snapshots;
  }

  public String userId() {
    return userId;
  }

  public synchronized long version() {
    return version;
  }

  /** Starts with a fresh snapshot (the area of interest); events that arrive meanwhile are held. */
  public void startWithSnapshot() {
    resync();
  }

  /** Starts from a version the client already has (since_version, Last-Event-ID), replaying what it missed. */
  public synchronized void startFrom(long clientVersion) {
    version = clientVersion;
    state = State.LIVE;
    if (!fillFrom(clientVersion)) {
      resync();
      return;
    }
    releaseHeld();
  }

  /** Drops everything queued and sends a fresh snapshot; events meanwhile are held, then replayed. */
  public void resync() {
    long wanted;
    synchronized (this) {
      if (state == State.CLOSED) {
        return;
      }
      state = State.WAITING_FOR_SNAPSHOT;
      // Only the newest request's snapshot counts: an older one may predate frames that were
      // dropped since (an outbox overflow), and everything after it is held until the newest arrives.
      wanted = ++generation;
    }
    // Always on another thread: a snapshot read that is already complete would otherwise run here, inside
    // the write that overflowed, and the loop writing old events would go on after it (SseResumeTest).
    snapshots.get().whenCompleteAsync((aoi, error) -> {
      if (error != null) {
        LOG.warn("cannot snapshot {}'s view: {}", userId, error.toString());
        return;
      }
      snapshotArrived(aoi, wanted);
    });
  }

  private synchronized void snapshotArrived(ObjectNode aoi, long forGeneration) {
    if (state != State.WAITING_FOR_SNAPSHOT || forGeneration != generation) {
      return;
    }
    // The snapshot is read on the writer thread after every event sent before it was asked for, so it
    // includes all of them; held events at or below its version are dropped by send().
    version = aoi.path("snapshot_version").asLong();
    writer.snapshot(aoi);
    state = State.LIVE;
    releaseHeld();
    if (state == State.LIVE) {
      List<Runnable> deferred = new ArrayList<>(afterSnapshot);
      afterSnapshot.clear();
      deferred.forEach(Runnable::run);
    }
  }

  /**
   * Runs {@code frames} now if the client is live, else right after its snapshot and held events,
   * so a reply written with it can never overtake the deltas it answers.
   */
  public synchronized void inOrder(Runnable frames) {
    if (state == State.WAITING_FOR_SNAPSHOT) {
      afterSnapshot.add(frames);
    } else if (state == State.LIVE) {
      frames.run();
    }
  }

  public synchronized void deliver(WorldUpdateEvent event) {
    switch (state) {
      case CLOSED -> { }
      case WAITING_FOR_SNAPSHOT -> held.add(event);
      case LIVE -> send(event);
    }
  }

  /** Sends anything the log has that this client lacks (heartbeat safety net for a lost NATS message). */
  public synchronized void catchUp() {
    if (state == State.LIVE && log.latest(userId) > version && !fillFrom(version)) {
      resync();
    }
  }

  public synchronized void close() {
    state = State.CLOSED;
    held.clear();
  }

  private void releaseHeld() {
    List<WorldUpdateEvent> copy = new ArrayList<>(held);
    held.clear();
    for (WorldUpdateEvent e : copy) {
      send(e);
      if (state != State.LIVE) {
        return;
      }
    }
  }

  private void send(WorldUpdateEvent event) {
    if (event.snapshotVersion() <= version) {
      return;
    }
    if (event.baseVersion() > version && !fillFrom(version)) {
      resync();
      held.add(event);
      return;
    }
    if (state != State.LIVE) {
      held.add(event);
      return;
    }
    event.forClientAt(version).ifPresent(e -> {
      writer.event(e);
      version = e.snapshotVersion();
    });
  }

  /** Sends the logged events after {@code from}; false if the log cannot produce them. */
  private boolean fillFrom(long from) {
    var missed = log.since(userId, from);
    if (missed.isEmpty()) {
      return false;
    }
    for (WorldUpdateEvent e : missed.get()) {
      if (state != State.LIVE) {
        // Writing one of them overflowed the outbox and asked for a snapshot: anything written now
        // would reach the client ahead of that snapshot, across a gap.
        return true;
      }
      e.forClientAt(version).ifPresent(x -> {
        writer.event(x);
        version = x.snapshotVersion();
      });
    }
    return true;
  }
}
