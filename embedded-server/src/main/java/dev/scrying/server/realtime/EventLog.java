package dev.scrying.server.realtime;

import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import dev.scrying.server.engine.CommandResult;
import dev.scrying.server.engine.EngineListener;
import dev.scrying.server.store.JournalEntry;
import dev.scrying.server.store.StateFolder;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every player's recent events, so a client that missed some (a reconnect with Last-Event-ID or
 * since_version, a NATS hiccup) gets exactly those, in order. Recent ones come from memory; older ones
 * from the journal. Fed on the engine's writer thread after each durable command; read from any thread.
 */
public final class EventLog implements EngineListener {
  private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
  private static final int RECENT_PER_PLAYER = 256;

  private final String experience;
  private final StateFolder folder;
  private final Map<String, Deque<WorldUpdateEvent>> recent = new ConcurrentHashMap<>();
  private volatile long newest;

  public EventLog(String experience, StateFolder folder, long version) {
    this.experience = experience;
    this.folder = folder;
    this.newest = version;
  }

  @Override
  public void committed(CommandResult result) {
    newest = Math.max(newest, result.version());
    for (WorldUpdateEvent e : result.events()) {
      Deque<WorldUpdateEvent> q = recent.computeIfAbsent(e.userId(), k -> new ArrayDeque<>());
      synchronized (q) {
        q.addLast(e);
        if (q.size() > RECENT_PER_PLAYER) {
          q.removeFirst();
        }
      }
    }
  }

  /** The player's event that brought its view to {@code snapshotVersion}, if still in memory, else null. */
  public WorldUpdateEvent find(String userId, long snapshotVersion) {
    Deque<WorldUpdateEvent> q = recent.get(userId);
    if (q == null) {
      return null;
    }
    synchronized (q) {
      // Newest first: the one asked for is almost always among the last few.
      for (var it = q.descendingIterator(); it.hasNext(); ) {
        WorldUpdateEvent e = it.next();
        if (e.snapshotVersion() <= snapshotVersion) {
          return e.snapshotVersion() == snapshotVersion ? e : null;
        }
      }
    }
    return null;
  }

  /** The newest version at which this player's view changed, or 0. */
  public long latest(String userId) {
    Deque<WorldUpdateEvent> q = recent.get(userId);
    if (q == null) {
      return 0;
    }
    synchronized (q) {
      return q.isEmpty() ? 0 : q.getLast().snapshotVersion();
    }
  }

  /**
   * The player's events after {@code version}, oldest first, or empty when they cannot all be
   * produced (then the caller sends a fresh snapshot).
   */
  public Optional<List<WorldUpdateEvent>> since(String userId, long version) {
    if (version >= newest) {
      return Optional.of(List.of());
    }
    Deque<WorldUpdateEvent> q = recent.get(userId);
    if (q != null) {
      synchronized (q) {
        if (!q.isEmpty() && q.getFirst().baseVersion() <= version) {
          List<WorldUpdateEvent> out = new ArrayList<>();
          for (WorldUpdateEvent e : q) {
            if (e.snapshotVersion() > version) {
              out.add(e);
            }
          }
          return Optional.of(out);
        }
      }
    }
    return fromJournal(userId, version);
  }

  private Optional<List<WorldUpdateEvent>> fromJournal(String userId, long version) {
    try {
      List<WorldUpdateEvent> out = new ArrayList<>();
      for (JournalEntry entry : folder.readJournal()) {
        if (entry.version() <= version) {
          continue;
        }
        for (JournalEntry.Recipient r : entry.recipients()) {
          if (r.userId().equals(userId)) {
            out.add(new WorldUpdateEvent(experience, userId, r.baseVersion(), entry.version(), entry.changesOf(r),
                entry.timestamp(), Json.object().put("source", "scrying").put("state_model", "shared")
                .put("command", entry.command().path("action").asText()).put("actor", entry.actor())
                .put("trace_id", entry.traceId()).put("replayed", true)));
          }
        }
      }
      return Optional.of(out);
    } catch (IOException e) {
      LOG.warn("cannot replay {}'s events from the journal: {}", userId, e.getMessage());
      return Optional.empty();
    }
  }
}
