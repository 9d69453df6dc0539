package dev.scrying.console.bench;

import dev.scrying.console.session.AdminReply;
import dev.scrying.console.session.BusMessage;
import dev.scrying.console.session.Connections;
import dev.scrying.console.session.HistoryEntry;
import dev.scrying.console.session.Micros;
import dev.scrying.console.session.NatsStatus;
import dev.scrying.console.session.RecordedWorld;
import dev.scrying.console.session.ResetScope;
import dev.scrying.console.session.ServerAction;
import dev.scrying.console.session.ServerSession;
import dev.scrying.console.session.ServerStatus;
import dev.scrying.console.session.SessionKind;
import dev.scrying.console.session.SessionListener;
import dev.scrying.console.session.WorldSnapshot;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.ExperienceLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * A session with no server behind it that floods its listeners from one producer thread at a fixed
 * rate (an open-loop schedule, so a slow consumer cannot slow the producer down): mostly NATS-shaped
 * world updates, some actions. Calls reach the listeners exactly as a real session's do, on one
 * thread that is not the UI thread.
 */
final class FloodSession implements ServerSession {
  private static final String[] PLAYERS = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
  private static final String[] ITEMS = {"bottle_joy", "bottle_mystery", "bottle_energy", "bottle_nature"};

  private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
  private final WorldSnapshot world = new WorldSnapshot(1, ExperienceLoader.loadBundled("wylding-woods").freshWorld());
  private volatile long offered;
  private volatile boolean stop;

  /** Sends {@code perSecond} events a second for {@code seconds}, then returns; blocks the caller. */
  void flood(int perSecond, int seconds) {
    long perTick = Math.max(1, perSecond / 1000);
    long tickNanos = 1_000_000_000L * perTick / perSecond;
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    long next = start;
    long n = 0;
    while (!stop && System.nanoTime() < end) {
      for (int i = 0; i < perTick; i++) {
        send(n++);
      }
      offered = n;
      next += tickNanos;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  long offered() {
    return offered;
  }

  private void send(long n) {
    String player = PLAYERS[(int) (n % PLAYERS.length)];
    if (n % 10 == 0) {
      ServerAction a = new ServerAction(n, player, "collect_item", true, true, "You take it.", "t" + n,
          Map.of("received", Micros.now() - 900, "durable", Micros.now() - 300), 1,
          "{\"action\":\"collect_item\",\"command\":{\"instance_id\":\"" + ITEMS[(int) (n % 4)] + "\"}}", Micros.now(), true);
      listeners.forEach(l -> l.action(a));
      return;
    }
    String json = "{\"type\":\"world_update\",\"version\":\"0.4\",\"experience\":\"wylding-woods\",\"user_id\":\"" + player
        + "\",\"base_version\":" + n + ",\"snapshot_version\":" + (n + 1) + ",\"changes\":[{\"operation\":\"remove\","
        + "\"area_id\":\"main_room\",\"spot_id\":\"spot_3\",\"instance_id\":\"" + ITEMS[(int) (n % 4)] + "\",\"zone_id\":"
        + "\"woander_store\"},{\"operation\":\"add\",\"instance_id\":\"" + ITEMS[(int) (n % 4)] + "\",\"area_id\":null,"
        + "\"path\":\"player.inventory\",\"item\":{\"instance_id\":\"" + ITEMS[(int) (n % 4)] + "\"}}],\"timestamp\":"
        + System.currentTimeMillis() + ",\"metadata\":{\"trace_id\":\"t" + (n - n % 10) + "\",\"actor\":\"" + player + "\"}}";
    BusMessage m = new BusMessage("world.updates.user." + player, json, Micros.now());
    listeners.forEach(l -> l.busMessage(m));
  }

  void stop() {
    stop = true;
  }

  @Override
  public SessionKind kind() {
    return SessionKind.EMBEDDED;
  }

  @Override
  public String baseUrl() {
    return "http://flood.invalid";
  }

  @Override
  public String experienceId() {
    return "wylding-woods";
  }

  @Override
  public String location() {
    return "flood benchmark (no server)";
  }

  @Override
  public CompletableFuture<ServerStatus> status() {
    NatsStatus nats = new NatsStatus("managed", "connected", "nats://127.0.0.1:4222", true, false, "", "NATS managed, connected", 8);
    return CompletableFuture.completedFuture(new ServerStatus(baseUrl(), 0, nats, new Connections(8, 0, 0, 8, java.util.List.of(), 0), 1, 1, 0, 0, 0));
  }

  @Override
  public CompletableFuture<WorldSnapshot> world() {
    return CompletableFuture.completedFuture(world);
  }

  @Override
  public CompletableFuture<List<HistoryEntry>> history(int limit) {
    return CompletableFuture.completedFuture(List.of());
  }

  @Override
  public CompletableFuture<RecordedWorld> worldAt(String commit) {
    return CompletableFuture.completedFuture(new RecordedWorld(commit, Json.object(), Map.of()));
  }

  @Override
  public CompletableFuture<AdminReply> reset(ResetScope scope, String target, boolean confirm) {
    return CompletableFuture.completedFuture(new AdminReply(false, "not in the benchmark", 1));
  }

  @Override
  public CompletableFuture<AdminReply> command(String text) {
    return reset(null, null, false);
  }

  @Override
  public CompletableFuture<ServerStatus> controlNats(boolean start) {
    return status();
  }

  @Override
  public CompletableFuture<ServerStatus> slowNarrator(double factor) {
    return status();
  }

  @Override
  public CompletableFuture<Integer> cut(String userId) {
    return CompletableFuture.completedFuture(0);
  }

  @Override
  public CompletableFuture<Optional<Map<String, Long>>> trace(String traceId) {
    return CompletableFuture.completedFuture(Optional.empty());
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
    stop();
  }
}
