package dev.scrying.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.server.NatsConfig;
import dev.scrying.server.ScryingServer;
import dev.scrying.server.ServerConfig;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.realtime.ConnectionLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G19: one player flooding the HTTP API at 500 requests/s is answered 429 + Retry-After beyond its
 * budget, while nine players at a guest's pace all succeed. Latency is printed, not asserted (it is
 * a benchmark figure on a shared 2-core machine).
 */
class HttpRateLimitTest {
  private static final int ABUSER_RATE = 500;
  private static final int NORMAL_PLAYERS = 9;
  private static final int NORMAL_RATE = 5;
  private static final Duration RUN = Duration.ofSeconds(3);
  // The flooder is another device: its own client, so its queue is not the guests' queue.
  private final HttpClient guests = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final HttpClient flooder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
  @TempDir Path data;
  ScryingServer server;

  @BeforeEach
  void start() throws Exception {
    server = ScryingServer.start(ServerConfig.local(data).withNats(NatsConfig.off()));
  }

  @AfterEach
  void stop() {
    pacer.shutdownNow();
    server.close();
  }

  record Reply(int status, String retryAfter, long micros) {}

  @Test
  void aFloodingPlayerGets429WhileOthersAllSucceed() throws Exception {
    ConnectionLimits limits = server.hub().limits();
    // Warm the JIT on both paths (admitted and refused) first: on two cores, compiling during the
    // measured phases would be counted as the flood's cost to the others.
    join(paced("warm-up", ABUSER_RATE, flooder));
    normalTraffic("warm").forEach(CompletableFuture::join);
    long versionAtStart = server.runtime("wylding-woods").engine().version();
    Histogram baseline = latencies(normalTraffic("quiet"));

    long started = System.nanoTime();
    List<CompletableFuture<Reply>> flood = paced("flooder", ABUSER_RATE, flooder);
    List<CompletableFuture<Reply>> normal = normalTraffic("busy");
    List<Reply> floodReplies = join(flood);
    double seconds = (System.nanoTime() - started) / 1e9;
    List<Reply> normalReplies = join(normal);

    long ok = floodReplies.stream().filter(r -> r.status() == 200).count();
    long limited = floodReplies.stream().filter(r -> r.status() == 429).count();
    long budget = Math.round(limits.httpBurst() + limits.httpPerSecond() * seconds);
    long excess = floodReplies.size() - budget;
    assertThat(ok + limited).as("every flood request answered 200 or 429").isEqualTo(floodReplies.size());
    assertThat(ok).as("the budget is honoured").isLessThanOrEqualTo(budget + 1);
    assertThat(limited).as("at least 95% of the excess is refused").isGreaterThanOrEqualTo(Math.round(excess * 0.95));
    assertThat(floodReplies).filteredOn(r -> r.status() == 429)
        .allSatisfy(r -> assertThat(r.retryAfter()).matches("[1-9][0-9]*"));
    assertThat(normalReplies).as("players at a guest's pace").allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    assertThat(server.runtime("wylding-woods").engine().version()).as("look changes nothing").isEqualTo(versionAtStart);

    Histogram busy = latencies(normalReplies.stream().map(CompletableFuture::completedFuture).toList());
    System.out.printf("RELIABILITY G19 HTTP: flood %d requests at %d/s over %.1f s: %d x 200, %d x 429 (excess %d,"
            + " refused %.1f%%); %d normal requests from %d players: 100%% 200; their p50/p99 %.1f/%.1f ms"
            + " (alone %.1f/%.1f ms)%n", floodReplies.size(), ABUSER_RATE, seconds, ok, limited, excess,
        100.0 * limited / Math.max(1, excess), normalReplies.size(), NORMAL_PLAYERS,
        busy.getValueAtPercentile(50) / 1e3, busy.getValueAtPercentile(99) / 1e3,
        baseline.getValueAtPercentile(50) / 1e3, baseline.getValueAtPercentile(99) / 1e3);
  }

  /** Dev tokens are minted before there is an identity: budgeted per address, loopback (the operator's machine) exempt. */
  @Test
  void devTokensAreBudgetedPerAddressButNotFromLoopback() throws Exception {
    java.util.Optional<java.net.InetAddress> lan = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
        .stream().filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (java.net.SocketException e) { return false; } })
        .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
        .filter(a -> a instanceof java.net.Inet4Address).findFirst();
    org.junit.jupiter.api.Assumptions.assumeTrue(lan.isPresent(), "no non-loopback IPv4 address on this machine");
    try (ScryingServer open = ScryingServer.start(ServerConfig.local(data.resolve("lan")).withHost("0.0.0.0")
        .withNats(NatsConfig.off()))) {
      int burst = open.hub().limits().httpBurst();
      String viaLan = "http://" + lan.get().getHostAddress() + ":" + open.port();
      String viaLoopback = "http://127.0.0.1:" + open.port();
      assertThat(tokens(viaLoopback, burst * 2)).as("loopback").doesNotContain(429);
      List<Integer> fromLan = tokens(viaLan, burst * 2);
      assertThat(fromLan.subList(0, burst)).as("within the burst").containsOnly(200);
      assertThat(fromLan).as("past the burst").contains(429);
    }
  }

  private List<Integer> tokens(String base, int n) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/dev/token")).timeout(Duration.ofSeconds(10))
          .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"lan" + i + "\"}")).build();
      statuses.add(guests.send(r, HttpResponse.BodyHandlers.discarding()).statusCode());
    }
    return statuses;
  }

  private List<CompletableFuture<Reply>> normalTraffic(String tag) {
    List<CompletableFuture<Reply>> all = new ArrayList<>();
    for (int p = 0; p < NORMAL_PLAYERS; p++) {
      all.addAll(paced(tag + "-guest" + p, NORMAL_RATE, guests));
    }
    return all;
  }

  /** Sends "look" as {@code user} at {@code perSecond} for {@link #RUN}, on a fixed schedule. */
  private List<CompletableFuture<Reply>> paced(String user, int perSecond, HttpClient http) {
    String token = server.tokens().issue(user, Identity.Role.PLAYER, Duration.ofHours(1));
    long count = RUN.toSeconds() * perSecond;
    long gapNanos = 1_000_000_000L / perSecond;
    List<CompletableFuture<Reply>> out = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      CompletableFuture<Reply> reply = new CompletableFuture<>();
      out.add(reply);
      pacer.schedule(() -> send(http, token, reply), i * gapNanos, TimeUnit.NANOSECONDS);
    }
    return out;
  }

  private void send(HttpClient http, String token, CompletableFuture<Reply> reply) {
    long sent = System.nanoTime();
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/experience/interact"))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"look\"}")).build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
      if (e != null) {
        reply.completeExceptionally(e);
      } else {
        reply.complete(new Reply(r.statusCode(), r.headers().firstValue("Retry-After").orElse(""),
            (System.nanoTime() - sent) / 1_000));
      }
    });
  }

  private static List<Reply> join(List<CompletableFuture<Reply>> replies) {
    CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
    return replies.stream().map(CompletableFuture::join).toList();
  }

  private static Histogram latencies(List<CompletableFuture<Reply>> replies) {
    Histogram h = new Histogram(3);
    join(replies).forEach(r -> h.recordValue(Math.max(1, r.micros())));
    return h;
  }
}
