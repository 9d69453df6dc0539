package dev.scrying.console.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.console.session.AdminReply;
import dev.scrying.console.session.BusMessage;
import dev.scrying.console.session.Connections;
import dev.scrying.console.session.HistoryEntry;
import dev.scrying.console.session.NatsStatus;
import dev.scrying.console.session.RecordedWorld;
import dev.scrying.console.session.ResetScope;
import dev.scrying.console.session.ServerAction;
import dev.scrying.console.session.ServerSession;
import dev.scrying.console.session.ServerStatus;
import dev.scrying.console.session.SessionException;
import dev.scrying.console.session.SessionKind;
import dev.scrying.console.session.SessionListener;
import dev.scrying.console.session.WorldSnapshot;
import dev.scrying.experiences.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A server session the test drives by hand: its version, world, history and NATS state; it records admin calls. */
public final class FakeSession implements ServerSession {
  public volatile long version = 3;
  public volatile JsonNode world = Json.parse("{\"global_state\":{\"dream_bottles_found\":0}}");
  public volatile NatsStatus nats = new NatsStatus("managed", "connected", "nats://127.0.0.1:4222", true, false, "", "NATS managed, connected, JetStream on", 2);
  public volatile long gitLag = 0;
  public final List<HistoryEntry> history = new CopyOnWriteArrayList<>();
  public final Map<String, RecordedWorld> commits = Collections.synchronizedMap(new LinkedHashMap<>());
  public final Map<String, Map<String, Long>> traces = Collections.synchronizedMap(new LinkedHashMap<>());
  public final List<String> calls = new CopyOnWriteArrayList<>();
  public final AtomicInteger statusCalls = new AtomicInteger();
  public final AtomicInteger worldReads = new AtomicInteger();
  public final AtomicInteger failNextWorldReads = new AtomicInteger();
  public volatile boolean unreachable;
  public final AtomicBoolean closed = new AtomicBoolean();
  public final AtomicInteger closeCount = new AtomicInteger();
  private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

  public void emit(ServerAction a) {
    listeners.forEach(l -> l.action(a));
  }

  public void emit(BusMessage m) {
    listeners.forEach(l -> l.busMessage(m));
  }

  public int listenerCount() {
    return listeners.size();
  }

  @Override
  public SessionKind kind() {
    return SessionKind.EMBEDDED;
  }

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:8765";
  }

  @Override
  public String experienceId() {
    return "wylding-woods";
  }

  @Override
  public String location() {
    return "/tmp/scrying-data";
  }

  @Override
  public CompletableFuture<ServerStatus> status() {
    statusCalls.incrementAndGet();
    if (unreachable) {
      return CompletableFuture.failedFuture(new java.net.ConnectException("Connection refused"));
    }
    return CompletableFuture.completedFuture(new ServerStatus(baseUrl(), 1000, nats,
        new Connections(2, 1, 0, 3, java.util.List.of(), 0), version, version - gitLag, gitLag, 0, 0));
  }

  @Override
  public CompletableFuture<WorldSnapshot> world() {
    worldReads.incrementAndGet();
    long v = version;
    if (failNextWorldReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return CompletableFuture.failedFuture(new SessionException("The server is busy: engine busy.", "Try again."));
    }
    JsonNode w = world;
    return CompletableFuture.supplyAsync(() -> new WorldSnapshot(v, w.deepCopy()));
  }

  @Override
  public CompletableFuture<List<HistoryEntry>> history(int limit) {
    return CompletableFuture.completedFuture(new ArrayList<>(history.subList(0, Math.min(limit, history.size()))));
  }

  @Override
  public CompletableFuture<RecordedWorld> worldAt(String commit) {
    RecordedWorld r = commits.get(commit);
    return r == null ? CompletableFuture.failedFuture(new SessionException("No commit '" + commit + "'.", "Refresh."))
        : CompletableFuture.completedFuture(r);
  }

  @Override
  public CompletableFuture<AdminReply> reset(ResetScope scope, String target, boolean confirm) {
    calls.add("reset " + scope.wire() + " " + target + (confirm ? " CONFIRM" : ""));
    if (!confirm) {
      return CompletableFuture.completedFuture(new AdminReply(false, "This restores the world recorded at commit " + target + ".", version));
    }
    version++;
    return CompletableFuture.completedFuture(new AdminReply(true, "Reset complete (commit " + target + ").", version));
  }

  @Override
  public CompletableFuture<AdminReply> command(String text) {
    calls.add("command " + text);
    return CompletableFuture.completedFuture(new AdminReply(true, "ok", version));
  }

  @Override
  public CompletableFuture<ServerStatus> controlNats(boolean start) {
    calls.add(start ? "nats start" : "nats stop");
    nats = start ? new NatsStatus("managed", "connected", nats.url(), true, false, "", "NATS managed, connected", 2)
        : new NatsStatus("managed", "disconnected", nats.url(), true, true, "", "NATS managed, disconnected: in-process delivery", -1);
    return status();
  }

  @Override
  public CompletableFuture<ServerStatus> slowNarrator(double factor) {
    calls.add("narrator x" + factor);
    return status();
  }

  @Override
  public CompletableFuture<Integer> cut(String userId) {
    calls.add("cut " + userId);
    return CompletableFuture.completedFuture(1);
  }

  @Override
  public CompletableFuture<Optional<Map<String, Long>>> trace(String traceId) {
    return CompletableFuture.completedFuture(Optional.ofNullable(traces.get(traceId)));
  }

  @Override
  public CompletableFuture<String> adminToken() {
    return CompletableFuture.completedFuture("test-admin-token");
  }

  @Override
  public Runnable listen(SessionListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public boolean liveActions() {
    return true;
  }

  @Override
  public void close() {
    closed.set(true);
    closeCount.incrementAndGet();
  }
}
