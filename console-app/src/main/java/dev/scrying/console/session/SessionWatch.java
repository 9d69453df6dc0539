package dev.scrying.console.session;

import dev.scrying.experiences.Json;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background side of a session's listeners: once a second it reads the status, keeps the
 * console's NATS tap connected when the server has a NATS the console can reach, tells listeners when
 * the NATS state changes, and (for remote servers, which offer no action stream) turns new Git commits
 * into actions. Runs only on its own thread; close once.
 */
final class SessionWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SessionWatch.class);
  private static final int HISTORY_WINDOW = 50;

  private final ServerSession session;
  private final Listeners listeners;
  private final boolean actionsFromHistory;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "session-watch");
    t.setDaemon(true);
    return t;
  });

  // Confined to the watch thread.
  private NatsTap tap;
  private String lastNatsState = "";
  private long lastActionVersion = -1;
  private boolean tapFailureLogged;
  private volatile boolean primed;

  SessionWatch(ServerSession session, Listeners listeners, boolean actionsFromHistory) {
    this.session = session;
    this.listeners = listeners;
    this.actionsFromHistory = actionsFromHistory;
  }

  void start() {
    thread.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
  }

  private void tick() {
    if (listeners.isEmpty()) {
      return;
    }
    try {
      ServerStatus status = session.status().get(10, TimeUnit.SECONDS);
      watchNats(status);
      if (actionsFromHistory) {
        readNewCommits();
      }
      primed = true;
    } catch (Exception e) {
      // The status bar shows an unreachable server; the watch simply tries again next second.
      LOG.debug("session watch: {}", e.toString());
    }
  }

  private void watchNats(ServerStatus status) {
    String state = status.nats().mode() + "/" + status.nats().state();
    if (!state.equals(lastNatsState)) {
      lastNatsState = state;
      listeners.tell(SessionListener::busChanged);
    }
    if (tap == null && status.nats().connected() && NatsTap.reachable(status.nats().url(), session.baseUrl())) {
      try {
        tap = NatsTap.connect(status.nats().url(), m -> listeners.tell(l -> l.busMessage(m)));
      } catch (IOException | RuntimeException e) {
        if (!tapFailureLogged) {
          LOG.info("the console cannot tap NATS at {} yet: {}", status.nats().url(), e.getMessage());
          tapFailureLogged = true;
        }
      }
    }
  }

  private void readNewCommits() throws Exception {
    List<HistoryEntry> entries = session.history(HISTORY_WINDOW).get(10, TimeUnit.SECONDS);
    long newest = entries.isEmpty() ? 0 : entries.get(0).version();
    if (lastActionVersion < 0) {
      // The history before the console connected is not news; the History panel shows it.
      lastActionVersion = newest;
      return;
    }
    for (int i = entries.size() - 1; i >= 0; i--) {
      HistoryEntry e = entries.get(i);
      if (e.version() > lastActionVersion) {
        ServerAction a = fromCommit(e);
        listeners.tell(l -> l.action(a));
      }
    }
    lastActionVersion = Math.max(lastActionVersion, newest);
  }

  /** True once the watch has read the server at least once while someone listened. */
  boolean primed() {
    return primed;
  }

  static ServerAction fromCommit(HistoryEntry e) {
    String json = Json.write(Json.object().put("commit", e.commit()).put("message", e.message())
        .put("version", e.version()).put("time", e.timeMillis()));
    String[] words = e.command().split(" ", 2);
    return new ServerAction(e.version(), e.player(), words[0], true, true, e.message(), null, java.util.Map.of(), 0,
        json, e.timeMillis() * 1000, false);
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (tap != null) {
      tap.close();
    }
  }
}
