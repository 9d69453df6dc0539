package dev.scrying.server.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.http.TestClient;
import dev.scrying.server.testing.LogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G11 / invariant 9: every case of the committed bad-input corpus ({@code src/test/resources/bad-inputs/})
 * is sent to a real server (managed NATS, dev mode). Each must be answered with a 4xx, an SSE error frame,
 * a WebSocket {@code error} (or coded refusal) or a protocol close; never a 5xx. After each case the server
 * still answers and its version is unchanged; at the end the whole world is unchanged and nothing was
 * logged at ERROR.
 */
class BadInputCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/bad-inputs");
  @TempDir Path data;

  @Test
  void theCommittedCorpusIsWhatTheGeneratorWrites() throws IOException {
    Map<String, String> expected = new BadInputCorpus().render();
    for (Map.Entry<String, String> f : expected.entrySet()) {
      assertThat(Files.readString(CORPUS.resolve(f.getKey()), StandardCharsets.UTF_8)).as(f.getKey() + " is stale; "
          + "run BadInputCorpus.main").isEqualTo(f.getValue());
    }
  }

  @Test
  void everyBadInputIsRefusedAndChangesNothing() throws Exception {
    String only = System.getProperty("scrying.corpus.only");
    List<ObjectNode> cases = load().stream()
        .filter(c -> only == null || List.of(only.split(",")).contains(c.path("id").asText())).toList();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(only == null ? 500 : 1);
    List<String> failures = new ArrayList<>();
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> errors;
    try (LogCapture logs = new LogCapture(Map.of("dev.scrying", Level.INFO));
         ScryingServer server = ScryingServer.start(ServerConfig.local(data))) {
      CorpusRunner runner = new CorpusRunner(server, data);
      runner.prepare();
      TestClient admin = new TestClient(server.baseUrl(), server.tokens().issue("operator", Identity.Role.ADMIN, Duration.ofHours(1)));
      JsonNode worldBefore = admin.get("/experience/wylding-woods/world").body();
      long version = worldBefore.path("version").asLong();
      for (ObjectNode c : cases) {
        long t0 = System.nanoTime();
        CorpusRunner.Verdict v = runner.run(c);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (ms > 3_000) {
          System.out.printf("slow case %s: %d ms (%s)%n", c.path("id").asText(), ms, v.outcome());
        }
        outcomes.merge(c.path("channel").asText() + " " + v.outcome(), 1, Integer::sum);
        if (!v.ok()) {
          failures.add(c.path("id").asText() + ": " + v.outcome() + " " + v.detail());
        }
        TestClient.Reply health = TestClient.raw(server.baseUrl(), "GET", "/health", null, null);
        long now = health.body().path("experiences").path("wylding-woods").path("version").asLong();
        if (health.status() != 200 || now != version) {
          failures.add(c.path("id").asText() + ": server " + (health.status() != 200 ? "not healthy" : "version moved to " + now));
          version = now;
        }
      }
      JsonNode worldAfter = admin.get("/experience/wylding-woods/world").body();
      assertThat(worldAfter).as("the world after the corpus").isEqualTo(worldBefore);
      errors = logs.atLeast(Level.ERROR);
    }
    System.out.printf("RELIABILITY bad-inputs cases=%d failures=%d outcomes=%s%n", cases.size(), failures.size(), outcomes);
    assertThat(failures).as("cases not refused cleanly").isEmpty();
    assertThat(errors).as("errors logged while refusing bad input").isEmpty();
  }

  static List<ObjectNode> load() throws IOException {
    List<ObjectNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            out.add((ObjectNode) Json.parse(line));
          }
        }
      }
    }
    return out;
  }
}
