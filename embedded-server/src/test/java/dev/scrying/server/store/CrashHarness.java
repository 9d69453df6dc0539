package dev.scrying.server.store;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.ExperienceLoader;
import dev.scrying.server.engine.GameState;
import dev.scrying.server.engine.Mutation;
import dev.scrying.server.http.TestClient;
import dev.scrying.server.testing.WsProbe;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kill -9 harness (G3): a server in a child JVM, players acting over HTTP as fast as they can, a
 * watcher on the WebSocket recording every event it is shown, SIGKILL while requests are in flight, and a
 * checker that compares what clients were told with what the restarted server and its journal hold.
 * One instance per data folder; used from one test thread.
 */
final class CrashHarness {
  static final List<String> ITEMS = List.of("bottle_mystery", "bottle_energy", "bottle_joy", "bottle_nature",
      "health_potion_1");
  private static final int PLAYERS = 4;

  private final Path data;
  private final List<String> jvmOptions;
  private final String mainClass;
  private final AfterKill afterKill;
  /** user/request_id -> version the client was told. */
  final Map<String, Long> acked = new ConcurrentHashMap<>();
  /** user/request_id of requests that got no answer because the server died under them. */
  final Set<String> indeterminate = ConcurrentHashMap.newKeySet();
  /** Versions of the world_update events the watcher was shown. */
  final Set<Long> shown = ConcurrentHashMap.newKeySet();
  int inFlightAtKills;

  /** What the checker found; every list must be empty for the run to pass. */
  record Findings(List<String> lostAcknowledged, List<Long> phantomEvents, boolean stateEqualsReplay,
      int indeterminatePresent, List<String> gitProblems) {
    boolean clean() {
      return lostAcknowledged.isEmpty() && phantomEvents.isEmpty() && stateEqualsReplay && gitProblems.isEmpty();
    }
  }

  /** What happens to the disk between the kill and the next start (the power-loss test drops the page cache). */
  interface AfterKill {
    void run() throws Exception;
  }

  CrashHarness(Path data, List<String> jvmOptions) {
    this(data, jvmOptions, "dev.scrying.server.ServerMain", () -> { });
  }

  CrashHarness(Path data, List<String> jvmOptions, String mainClass, AfterKill afterKill) {
    this.data = data;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.mainClass = mainClass;
    this.afterKill = afterKill;
  }

  /** Starts a server, drives load until {@code ackedAtLeast} more actions are acknowledged, then kills it mid-request. */
  void round(int round, int ackedAtLeast) throws Exception {
    Process p = start();
    try {
      String url = "http://127.0.0.1:" + readyPort(p);
      drive(url, round, ackedAtLeast, p);
    } finally {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    afterKill.run();
  }

  private void drive(String url, int round, int ackedAtLeast, Process server) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger inFlight = new AtomicInteger();
    Map<String, String> open = new ConcurrentHashMap<>();
    int before = acked.size();
    WsProbe watcher = WsProbe.open(url, TestClient.login(url, "watcher", false).token(), null);
    // One thread per player: the common pool has a single thread on a two-core machine.
    ExecutorService threads = Executors.newFixedThreadPool(PLAYERS);
    List<CompletableFuture<Void>> players = new ArrayList<>();
    for (int i = 0; i < PLAYERS; i++) {
      int player = i;
      players.add(CompletableFuture.runAsync(() -> play(url, round, player, stop, inFlight, open), threads));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() - before >= ackedAtLeast);
    // Sustained load: the kill lands while requests are being processed, not after the clients stopped.
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> inFlight.get() >= 2);
    inFlightAtKills += inFlight.get();
    server.destroyForcibly();
    server.waitFor(10, TimeUnit.SECONDS);
    stop.set(true);
    CompletableFuture.allOf(players.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    threads.shutdown();
    indeterminate.addAll(open.keySet());
    for (JsonNode f : watcher.ofType("world_update")) {
      shown.add(f.path("snapshot_version").asLong());
    }
    watcher.vanish();
  }

  private void play(String url, int round, int player, AtomicBoolean stop, AtomicInteger inFlight,
      Map<String, String> open) {
    String user = "p" + player;
    TestClient c = TestClient.login(url, user, false);
    int n = 0;
    while (!stop.get()) {
      String id = "r" + round + "-" + n++;
      String item = ITEMS.get((player + n) % ITEMS.size());
      String action = n % 2 == 0 ? "collect_item" : "drop_item";
      String key = user + "/" + id;
      open.put(key, key);
      inFlight.incrementAndGet();
      try {
        var r = c.post("/experience/interact", Json.object().put("action", action).put("instance_id", item).put("request_id", id));
        open.remove(key);
        if (r.status() == 200 && r.body().path("metadata").path("state_changed").asBoolean()) {
          acked.put(key, r.body().path("metadata").path("version").asLong());
        }
      } catch (RuntimeException e) {
        return; // the server died under this request: it stays in `open`, indeterminate
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  /** Restarts the server and compares it, and its journal, with what clients were told and shown. */
  Findings check() throws Exception {
    Process p = start();
    try {
      String url = "http://127.0.0.1:" + readyPort(p);
      List<String> lost = new ArrayList<>();
      Map<String, TestClient> clients = new HashMap<>();
      for (Map.Entry<String, Long> a : acked.entrySet()) {
        String[] key = a.getKey().split("/");
        TestClient c = clients.computeIfAbsent(key[0], u -> TestClient.login(url, u, false));
        var again = c.post("/experience/interact", Json.object().put("action", "inventory").put("request_id", key[1]));
        boolean present = again.body().path("metadata").path("duplicate").asBoolean()
            && again.body().path("metadata").path("version").asLong() == a.getValue();
        if (!present) {
          lost.add(a.getKey() + "@v" + a.getValue());
        }
      }
      List<JournalEntry> journal = Journal.readQuietly(data.resolve("wylding-woods").resolve("journal.log"));
      Map<Long, JournalEntry> byVersion = new HashMap<>();
      journal.forEach(e -> byVersion.put(e.version(), e));
      List<Long> phantom = shown.stream().filter(v -> byVersion.get(v) == null
          || byVersion.get(v).recipients().stream().noneMatch(r -> r.userId().equals("watcher"))).sorted().toList();
      int indeterminatePresent = (int) indeterminate.stream().filter(k -> journal.stream()
          .anyMatch(e -> (e.actor() + "/" + e.requestId()).equals(k))).count();
      TestClient admin = new TestClient(url, Files.readString(data.resolve("admin.token")).strip());
      JsonNode world = admin.get("/experience/wylding-woods/world").body();
      GameState replay = replay(journal);
      boolean same = world.path("version").asLong() == replay.version()
          && world.path("world").equals(Json.parse(Json.write(replay.world())));
      for (String user : replay.players().keySet()) {
        same &= admin.get("/experience/wylding-woods/players/" + user).body().path("view")
            .equals(Json.parse(Json.write(replay.player(user))));
      }
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      // After the last kill: the history must still be whole (kills land during commits too).
      List<String> git = GitFsck.problems(data.resolve("wylding-woods").resolve(".git"));
      return new Findings(lost, phantom, same, indeterminatePresent, git);
    } finally {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  static GameState replay(List<JournalEntry> journal) {
    var experience = ExperienceLoader.loadBundled("wylding-woods");
    GameState s = new GameState(experience.freshWorld(), experience.worldTemplate().path("metadata").path("_version").asLong());
    for (JournalEntry e : journal) {
      for (Mutation m : e.mutations()) {
        s.apply(m);
      }
      s.restoreVersion(e.version());
    }
    return s;
  }

  private Process start() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Players act as fast as they can and every acknowledgement is re-sent at the end: a durability
    // test, so the per-player request budget is out of the way.
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-Dscrying.limits.httpPerSecond=1000000",
        "-Dscrying.limits.httpBurst=1000000"));
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass,
        "serve", "--port", "0", "--no-nats", "--data", data.toString()));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  private static int readyPort(Process p) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread drain = new Thread(() -> {
      try {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("READY ")) {
            port.complete(Integer.parseInt(line.substring(6).trim()));
          }
        }
      } catch (Exception ignored) {
        // the child was killed
      }
      port.completeExceptionally(new IllegalStateException("server exited before READY"));
    }, "child-output");
    drain.setDaemon(true);
    drain.start();
    return port.get(60, TimeUnit.SECONDS);
  }
}
