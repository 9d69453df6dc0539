package dev.scrying.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.ExperienceLoader;
import dev.scrying.server.engine.GameState;
import dev.scrying.server.engine.Mutation;
import dev.scrying.server.http.TestClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the server in a child JVM, drives actions over HTTP, kills it with SIGKILL at a random point
 * (20 rounds), restarts it and checks that every acknowledged action is still there and that the
 * state equals an independent replay of the journal.
 */
class KillNineTest {
  static final List<String> BOTTLES = List.of("bottle_mystery", "bottle_energy", "bottle_joy", "bottle_nature", "health_potion_1");
  @TempDir Path data;
  final Map<String, Long> acked = new ConcurrentHashMap<>();

  @Test
  void acknowledgedActionsSurviveKillNine() throws Exception {
    Random rnd = new Random();
    for (int round = 0; round < 20; round++) {
      Process p = start();
      try {
        String url = "http://127.0.0.1:" + readyPort(p);
        drive(url, round, 5 + rnd.nextInt(25));
      } finally {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    Process p = start();
    try {
      String url = "http://127.0.0.1:" + readyPort(p);
      TestClient admin = new TestClient(url, Files.readString(data.resolve("admin.token")).strip());
      for (Map.Entry<String, Long> a : acked.entrySet()) {
        String user = a.getKey().split("/")[0];
        TestClient c = TestClient.login(url, user, false);
        var again = c.post("/experience/interact", Json.object().put("action", "inventory").put("request_id", a.getKey().split("/")[1]));
        assertThat(again.body().path("metadata").path("duplicate").asBoolean()).as(a.getKey()).isTrue();
        assertThat(again.body().path("metadata").path("version").asLong()).as(a.getKey()).isEqualTo(a.getValue());
      }
      JsonNode world = admin.get("/experience/wylding-woods/world").body();
      GameState replay = replayJournal();
      assertThat(world.path("version").asLong()).isEqualTo(replay.version());
      // Compared as parsed JSON so that an int and a long of the same value are equal.
      assertThat(world.path("world")).isEqualTo(Json.parse(Json.write(replay.world())));
      for (String user : replay.players().keySet()) {
        assertThat(admin.get("/experience/wylding-woods/players/" + user).body().path("view"))
            .isEqualTo(Json.parse(Json.write(replay.player(user))));
      }
      assertThat(acked).hasSizeGreaterThan(100);
    } finally {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Three players act concurrently until {@code kills} actions are acknowledged; then the caller kills. */
  private void drive(String url, int round, int kills) {
    AtomicBoolean stop = new AtomicBoolean();
    int before = acked.size();
    List<CompletableFuture<Void>> players = List.of(0, 1, 2).stream().map(i -> CompletableFuture.runAsync(() -> {
      String user = "p" + i;
      TestClient c = TestClient.login(url, user, false);
      int n = 0;
      while (!stop.get()) {
        String id = "r" + round + "-" + (n++);
        String item = BOTTLES.get((i + n) % BOTTLES.size());
        String action = n % 2 == 0 ? "collect_item" : "drop_item";
        try {
          var r = c.post("/experience/interact", Json.object().put("action", action).put("instance_id", item).put("request_id", id));
          if (r.status() == 200 && r.body().path("metadata").path("state_changed").asBoolean()) {
            acked.put(user + "/" + id, r.body().path("metadata").path("version").asLong());
          }
        } catch (RuntimeException e) {
          return;
        }
      }
    })).toList();
    await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() - before >= kills);
    stop.set(true);
  }

  private GameState replayJournal() throws Exception {
    var experience = ExperienceLoader.loadBundled("wylding-woods");
    GameState s = new GameState(experience.freshWorld(), experience.worldTemplate().path("metadata").path("_version").asLong());
    for (JournalEntry e : Journal.readQuietly(data.resolve("wylding-woods").resolve("journal.log"))) {
      for (Mutation m : e.mutations()) {
        s.apply(m);
      }
      s.restoreVersion(e.version());
    }
    return s;
  }

  private Process start() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.scrying.server.ServerMain",
        "serve", "--port", "0", "--no-nats", "--data", data.toString()).redirectErrorStream(true).start();
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
