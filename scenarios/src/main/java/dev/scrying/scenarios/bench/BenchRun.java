package dev.scrying.scenarios.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.HdrHistogram.Histogram;

/**
 * Runs one {@link Workload} against a {@link Target}: connects the players, drives actions on an
 * open-model schedule, then reports latency percentiles, throughput, lost events, chain gaps, server
 * CPU and heap per connection. Single-use; the scheduler runs on the calling thread.
 */
final class BenchRun {
  private final Target target;
  private final OkHttpClient http;
  private final Workload w;
  private final Metrics metrics = new Metrics();
  private final Map<String, Long> intended = new ConcurrentHashMap<>();
  private final List<BenchClient> clients = new ArrayList<>();
  /** One reading thread per core for all the players' sockets. */
  private final List<SocketLoop> loops = new ArrayList<>();
  private final AtomicLong expectedEvents = new AtomicLong();
  private int phase;
  /** The share of one core the JIT may still use for the warm-up to count as done. */
  private static final double JIT_QUIET = 0.10;
  /** Chat streams a second while warming up: each holds one of the chatter's connection slots for a second or two. */
  private static final double WARMUP_CHAT_RATE = 3;

  BenchRun(Target target, OkHttpClient http, Workload w) {
    this.target = target;
    this.http = http;
    this.w = w;
  }

  ObjectNode run(ChatLoad chat, Floors alongside) throws Exception {
    List<String> tokens = createPlayers();
    JsonNode before = target.status(true);
    connect(tokens);
    JsonNode connected = target.status(true);
    long heapPerConnection = (connected.path("jvm").path("heap_used_bytes").asLong()
        - before.path("jvm").path("heap_used_bytes").asLong()) / Math.max(1, w.players());
    long base = clients.stream().mapToLong(BenchClient::received).sum();
    ObjectNode warmup = warmUp(chat);
    awaitDelivery(base);
    metrics.take();
    if (chat != null) {
      chat.reset();
    }
    long receivedBefore = clients.stream().mapToLong(BenchClient::received).sum();
    expectedEvents.set(0);
    JsonNode start = target.status(false);
    java.util.concurrent.CompletableFuture<ObjectNode> floors =
        Floors.onOwnThread("floors-alongside", () -> alongside.measure(w.duration().toSeconds()));
    long t0 = System.nanoTime();
    metrics.startTimeline(BenchClient.nowMicros(), (int) w.duration().toSeconds());
    long actions = drive(w.duration(), chat, w.rate(), w.chatRate());
    double seconds = (System.nanoTime() - t0) / 1e9;
    awaitDelivery(receivedBefore);
    JsonNode end = target.status(false);
    Map<String, Histogram> hist = metrics.take();
    if (chat != null) {
      hist.putAll(chat.take());
    }
    long received = clients.stream().mapToLong(BenchClient::received).sum() - receivedBefore;
    ObjectNode out = Json.object().put("workload", w.name()).put("experience", w.experience())
        .put("players", w.players()).put("zones", w.zones()).put("target_rate", w.rate())
        .put("duration_s", Math.round(seconds * 10) / 10.0).put("actions", actions)
        .put("throughput_per_s", Math.round(actions / seconds * 10) / 10.0)
        .put("events_expected", expectedEvents.get()).put("events_received", received)
        .put("events_lost", Math.max(0, expectedEvents.get() - received))
        .put("chain_gaps", clients.stream().mapToLong(BenchClient::gaps).sum())
        .put("errors", clients.stream().mapToLong(BenchClient::errors).sum())
        .put("server_cpu_percent", Math.round((end.path("jvm").path("cpu_time_ms").asLong()
            - start.path("jvm").path("cpu_time_ms").asLong()) / (seconds * 10.0)))
        .set("warmup", warmup);
    out.put("nats_mirror", end.path("nats").path("mirror").asBoolean());
    out.put("server_gc_ms", delta(start, end, "gc_time_ms"))
        .put("server_jit_ms", delta(start, end, "jit_time_ms"))
        .put("heap_per_idle_connection_bytes", heapPerConnection)
        .put("server_heap_used_mb", end.path("jvm").path("heap_used_bytes").asLong() / (1024 * 1024));
    ObjectNode m = out.putObject("metrics");
    hist.forEach((k, h) -> m.set(k, Metrics.summary(h)));
    out.set("timeline", metrics.timeline());
    ObjectNode measuredAlongside = floors.get(60, TimeUnit.SECONDS);
    if (measuredAlongside != null && measuredAlongside.size() > 0) {
      out.set("floors_alongside", measuredAlongside);
    }
    if (chat != null) {
      out.set("chat", chat.summary());
    }
    return out;
  }

  /**
   * Drives the warm-up load in steps of {@link Workload#warmup} until the server's JIT compilers are
   * quiet (under {@link #JIT_QUIET} of one core over a step) or {@link Workload#warmupLimit} has passed:
   * a fixed warm-up left the C2 compilers using half a core through the first seconds of a 500/s window.
   */
  private ObjectNode warmUp(ChatLoad chat) throws Exception {
    ObjectNode out = Json.object();
    var steps = out.putArray("jit_ms_by_step");
    long began = System.nanoTime();
    long jit = target.status(false).path("jvm").path("jit_time_ms").asLong();
    while (true) {
      drive(w.warmup(), w.warmupRate() > w.rate() ? chat : null, w.warmupRate(), WARMUP_CHAT_RATE);
      long now = target.status(false).path("jvm").path("jit_time_ms").asLong();
      steps.add(now - jit);
      boolean quiet = now - jit < JIT_QUIET * w.warmup().toMillis();
      jit = now;
      if (quiet || System.nanoTime() - began >= w.warmupLimit().toNanos()) {
        out.put("quiet", quiet).put("seconds", Math.round((System.nanoTime() - began) / 1e8) / 10.0);
        return out;
      }
    }
  }

  /** How much of a cumulative JVM figure of the server's status accrued during the window. */
  private static long delta(JsonNode start, JsonNode end, String field) {
    return end.path("jvm").path(field).asLong() - start.path("jvm").path(field).asLong();
  }

  /**
   * Creates every player (and, in the generated world, moves it to its zone) before anyone listens,
   * so connecting changes nothing and the heap measured around {@link #connect} is the connections'.
   */
  private List<String> createPlayers() throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int p = 0; p < w.players(); p++) {
      String token = target.token(user(p), "player");
      ObjectNode join = Json.object().put("experience", w.experience()).put("action", "join");
      target.post("/experience/interact", Json.write(join), token);
      if (w.generated()) {
        ObjectNode go = Json.object().put("experience", w.experience()).put("action", "go")
            .put("destination", BenchWorld.zoneOf(p, w.zones()));
        target.post("/experience/interact", Json.write(go), token);
      }
      tokens.add(token);
    }
    return tokens;
  }

  private String user(int p) {
    return "bench" + w.name() + p;
  }

  private void connect(List<String> tokens) throws Exception {
    for (int i = 0; i < Math.min(w.players(), Runtime.getRuntime().availableProcessors()); i++) {
      loops.add(new SocketLoop("bench-sockets-" + i));
    }
    for (int p = 0; p < w.players(); p++) {
      BenchClient c = new BenchClient(user(p), w.item(p), metrics, intended);
      c.connect(loops.get(p % loops.size()), target.wsUrl(tokens.get(p), w.experience()));
      clients.add(c);
    }
    for (BenchClient c : clients) {
      if (!c.awaitReady(30_000)) {
        throw new IllegalStateException(c.userId + " got no area_of_interest within 30 s");
      }
    }
  }

  /** Sends actions at {@code rate} (and chat messages at {@code chatRate}) for {@code length}; returns how many actions. */
  private long drive(java.time.Duration length, ChatLoad chat, double rate, double chatRate) {
    long period = (long) (1_000_000_000L / rate);
    // Request ids are unique per phase: a reused one would be answered as a duplicate and change nothing.
    String prefix = w.name() + "-" + System.identityHashCode(this) + "-" + (phase++) + "-";
    long startNanos = System.nanoTime();
    long startMicros = BenchClient.nowMicros();
    long end = startNanos + length.toNanos();
    long i = 0;
    long nextChat = chat == null ? Long.MAX_VALUE : startNanos;
    while (true) {
      long due = startNanos + i * period;
      if (due >= end) {
        return i;
      }
      Baselines.awaitNanos(due, rate <= Baselines.SPIN_UP_TO_RATE);
      int p = (int) (i % w.players());
      clients.get(p).act(prefix + i, startMicros + (due - startNanos) / 1_000);
      expectedEvents.addAndGet(w.zonePopulation(p));
      if (chat != null && System.nanoTime() >= nextChat) {
        chat.send();
        nextChat += (long) (1_000_000_000L / chatRate);
      }
      i++;
    }
  }

  private void awaitDelivery(long receivedBefore) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      long received = clients.stream().mapToLong(BenchClient::received).sum() - receivedBefore;
      if (received >= expectedEvents.get()) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  /** Closes every socket with 1000 and waits (up to 10 s) for the server's answers before the loops stop. */
  void close() {
    java.util.concurrent.CompletableFuture<?>[] closing =
        clients.stream().map(BenchClient::close).toArray(java.util.concurrent.CompletableFuture[]::new);
    try {
      java.util.concurrent.CompletableFuture.allOf(closing).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("not every bench socket finished its close within 10 s: " + e);
    }
    loops.forEach(SocketLoop::close);
  }
}
