package dev.scrying.scenarios.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: measures how fast a taken bottle vanishes, at demo size and far past it, against the
 * NATS and fsync floors of the same run. Starts each server under test in its own JVM (or targets
 * {@code --url}); writes a JSON result and prints a short table. Exit code 1 when events were lost or
 * a chain had a gap (and, with {@code --smoke}, only then).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Latency and scale benchmark of the Scrying server.")
public final class BenchMain implements Callable<Integer> {
  @Option(names = "--url", description = "Benchmark a running server instead of starting one (demo workload only).")
  String url;
  @Option(names = "--duration", description = "Measured seconds of the demo run (default ${DEFAULT-VALUE}).", defaultValue = "30")
  int demoSeconds;
  @Option(names = "--scale-duration", description = "Measured seconds of the scale run (default ${DEFAULT-VALUE}).", defaultValue = "30")
  int scaleSeconds;
  @Option(names = "--scale-rate", description = "Actions per second in the scale run (default ${DEFAULT-VALUE}).", defaultValue = "500")
  double scaleRate;
  @Option(names = "--scale-players", description = "Players in the scale run (default ${DEFAULT-VALUE}).", defaultValue = "1000")
  int scalePlayers;
  @Option(names = "--durability-duration", description = "Measured seconds of the durability run, 50 acknowledged"
      + " changes/s, on the demo's server once it has run (default ${DEFAULT-VALUE}).", defaultValue = "10")
  int durabilitySeconds;
  @Option(names = "--scale-nats-mirror", description = "Keep the JetStream mirror of every update in the scale and knee"
      + " runs (off there by default: at 10,000 updates/s it costs nats-server a fifth of a core and the disk; see bench/README.md).")
  boolean scaleMirror;

  @Option(names = "--only", description = "demo, durability, scale or knee.")
  String only;
  @Option(names = "--knee", description = "Also search the highest rate whose visual p99 stays under 100 ms.")
  boolean knee;
  @Option(names = "--smoke", description = "A few seconds at small scale; fails only on lost events or gaps.")
  boolean smoke;
  @Option(names = "--out", description = "Result folder (default ${DEFAULT-VALUE}).", defaultValue = "target/bench")
  Path out;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    OkHttpClient http = client();
    Path work = Files.createTempDirectory("scrying-bench");
    ObjectNode result = Json.object().put("date", Instant.now().toString()).put("cores", Runtime.getRuntime().availableProcessors())
        .put("java", System.getProperty("java.version"));
    ArrayNode runs = result.putArray("runs");
    if (smoke) {
      demoSeconds = 5;
      durabilitySeconds = 3;
      scaleSeconds = 5;
      scalePlayers = 100;
      scaleRate = 100;
    }
    try {
      boolean demo = only == null || only.equals("demo");
      boolean durability = url == null && (only == null || only.equals("durability"));
      if (demo || durability) {
        // One server for both: the durability run starts on a JIT the demo has already warmed.
        try (Target t = url != null ? Target.external(url, http) : Target.spawn(work.resolve("demo"), null, http)) {
          if (demo) {
            runs.add(demo(t, http, work));
          }
          if (durability) {
            runs.add(durability(t, http, work));
          }
        }
      }
      if (url == null && (only == null || only.equals("scale"))) {
        runs.add(scale(http, work, scaleRate, Duration.ofSeconds(scaleSeconds)));
      }
      if (url == null && (knee || "knee".equals(only))) {
        result.set("knee", knee(http, work));
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    Files.createDirectories(out);
    Path file = out.resolve("bench-result.json");
    Files.writeString(file, Json.pretty(result));
    System.out.println(Report.table(result));
    System.out.println("result: " + file.toAbsolutePath());
    long lost = 0;
    long gaps = 0;
    for (JsonNode r : runs) {
      lost += r.path("events_lost").asLong();
      gaps += r.path("chain_gaps").asLong();
    }
    System.out.println(lost == 0 && gaps == 0 ? "1 passed, 0 failed" : "0 passed, 1 failed");
    return lost == 0 && gaps == 0 ? 0 : 1;
  }

  private ObjectNode demo(Target t, OkHttpClient http, Path work) throws Exception {
    ObjectNode baselines = baselines(t, work);
    Workload w = sized(Workload.demo(Duration.ofSeconds(demoSeconds)));
    return measure(t, http, url != null ? w.warmingAtRate() : w, new ChatLoad(http, t), baselines,
        alongside(t, work, w.rate()));
  }

  private ObjectNode durability(Target t, OkHttpClient http, Path work) throws Exception {
    ObjectNode fsync = Json.object();
    fsync.set("fsync", Metrics.summary(Baselines.fsync(work, 1_500, 1_000)));
    Workload w = sized(Workload.durability(Duration.ofSeconds(durabilitySeconds)));
    // The demo's players may still hold the items this run's players take and drop: back to the template.
    JsonNode reset = t.post("/admin/experience/" + w.experience() + "/reset",
        Json.write(Json.object().put("scope", "experience").put("confirm", true)), t.adminToken);
    if (!reset.path("success").asBoolean()) {
      throw new IllegalStateException("could not reset " + w.experience() + " before the durability run: " + reset);
    }
    return measure(t, http, w, null, fsync, Floors.none());
  }

  /** The smoke run keeps to seconds: one warm-up step, however busy the JIT still is. */
  private Workload sized(Workload w) {
    return smoke ? w.oneWarmupStep() : w;
  }

  private ObjectNode scale(OkHttpClient http, Path work, double rate, Duration duration) throws Exception {
    Path dir = work.resolve("scale-" + (int) rate);
    Path content = BenchWorld.write(dir.resolve("content"), scalePlayers, 50);
    try (Target t = Target.spawn(dir.resolve("data"), content, http, scaleMirror ? List.of() : List.of("--no-nats-mirror"))) {
      ObjectNode baselines = baselines(t, work);
      Workload w = sized(Workload.scale(scalePlayers, duration, rate));
      return measure(t, http, w, null, baselines, Floors.none());
    }
  }

  /** One measured run against {@code t}, with the floors of the same run and the ratios to them. */
  private static ObjectNode measure(Target t, OkHttpClient http, Workload w, ChatLoad chat, ObjectNode baselines,
      Floors alongside) throws Exception {
    BenchRun run = new BenchRun(t, http, w);
    try {
      ObjectNode r = run.run(chat, alongside);
      r.set("baselines", baselines);
      Report.ratios(r);
      return r;
    } finally {
      run.close();
    }
  }

  /**
   * The knee: doubling steps from 250 actions/s until visual p99 passes 100 ms (or the rate is not
   * reached, or an event is lost), then two halvings between the last rate that held and the first that
   * did not, so the reported rate is within an eighth of that interval.
   */
  private ObjectNode knee(OkHttpClient http, Path work) throws Exception {
    ObjectNode k = Json.object();
    ArrayNode steps = k.putArray("steps");
    double best = 0;
    double failed = 0;
    for (double rate : List.of(250.0, 500.0, 1000.0, 1500.0, 2000.0, 3000.0)) {
      if (holds(http, work, rate, steps)) {
        best = rate;
      } else {
        failed = rate;
        break;
      }
    }
    for (int i = 0; i < 2 && failed > 0 && best > 0; i++) {
      double mid = Math.round((best + failed) / 2);
      if (holds(http, work, mid, steps)) {
        best = mid;
      } else {
        failed = mid;
      }
    }
    return k.put("highest_rate_with_visual_p99_under_100ms", best);
  }

  private boolean holds(OkHttpClient http, Path work, double rate, ArrayNode steps) throws Exception {
    ObjectNode r = scale(http, work, rate, Duration.ofSeconds(10));
    double p99 = r.path("metrics").path("visual").path("p99_ms").asDouble();
    double achieved = r.path("throughput_per_s").asDouble();
    steps.addObject().put("rate", rate).put("achieved", achieved).put("visual_p99_ms", p99)
        .put("events_lost", r.path("events_lost").asLong());
    return p99 < 100 && achieved >= rate * 0.95 && r.path("events_lost").asLong() == 0;
  }

  private static ObjectNode baselines(Target t, Path work) throws Exception {
    ObjectNode b = Json.object();
    Histogram fsync = Baselines.fsync(work, 1_500, 1_000);
    b.set("fsync", Metrics.summary(fsync));
    java.util.Optional<JsonNode> access = t.natsAccess();
    if (access.isPresent()) {
      b.set("nats_pub_sub", Metrics.summary(Baselines.nats(access.get(), 1_200, 2_000, 500)));
    } else {
      System.err.println("no NATS baseline: the server manages no nats-server that hands out observer credentials");
    }
    return b;
  }

  /**
   * The floors again, at the workload's own rate and during its measured window: an idle machine wakes a
   * sleeping core or disk queue for each message, which a back-to-back floor never pays.
   */
  private static Floors alongside(Target t, Path work, double rate) throws IOException {
    java.util.Optional<JsonNode> access = t.natsAccess();
    return seconds -> {
      int count = (int) Math.max(10, rate * seconds);
      java.util.concurrent.CompletableFuture<Histogram> fsync =
          Floors.onOwnThread("fsync-at-rate", () -> Baselines.fsync(work, 1_500, count, rate));
      ObjectNode b = Json.object();
      if (access.isPresent()) {
        b.set("nats_pub_sub_at_rate", Metrics.summary(Baselines.nats(access.get(), 1_200, count, rate)));
      }
      b.set("fsync_at_rate", Metrics.summary(fsync.get(seconds + 30, TimeUnit.SECONDS)));
      return b;
    };
  }

  private static OkHttpClient client() {
    Dispatcher d = new Dispatcher();
    d.setMaxRequests(10_000);
    d.setMaxRequestsPerHost(10_000);
    return new OkHttpClient.Builder().dispatcher(d).connectionPool(new ConnectionPool(50, 1, TimeUnit.MINUTES))
        .readTimeout(Duration.ZERO).pingInterval(Duration.ZERO).build();
  }
}
