package dev.scrying.scenarios.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * One lean simulated player for the bench: a real WebSocket client that checks its chain and records
 * visual, fan-out and response latency against the intended send time of each action (so a late send
 * counts against the server, correcting coordinated omission). Frames arrive on OkHttp's reader thread.
 */
final class BenchClient extends WebSocketListener {
  final String userId;
  final String item;
  private final Metrics metrics;
  private final Map<String, Long> intended;
  private final ConcurrentLinkedQueue<Long> outstanding = new ConcurrentLinkedQueue<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong gaps = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private volatile long version = -1;
  private WebSocket socket;
  private boolean holding;

  BenchClient(String userId, String item, Metrics metrics, Map<String, Long> intended) {
    this.userId = userId;
    this.item = item;
    this.metrics = metrics;
    this.intended = intended;
  }

  void connect(OkHttpClient http, String wsUrl) {
    socket = http.newWebSocket(new Request.Builder().url(wsUrl).build(), this);
  }

  boolean awaitReady(long millis) throws InterruptedException {
    return ready.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** Sends the next action of this player's collect/drop cycle, tagged with its request id. */
  void act(String requestId, long intendedMicros) {
    String action = holding ? "drop_item" : "collect_item";
    holding = !holding;
    intended.put(requestId, intendedMicros);
    outstanding.add(intendedMicros);
    socket.send("{\"type\":\"action\",\"action\":\"" + action + "\",\"instance_id\":\"" + item
        + "\",\"request_id\":\"" + requestId + "\"}");
  }

  void send(String text) {
    socket.send(text);
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    long now = nowMicros();
    JsonNode n = Json.parse(text);
    switch (n.path("type").asText()) {
      case "area_of_interest" -> {
        version = n.path("snapshot_version").asLong();
        ready.countDown();
      }
      case "world_update" -> update(n, now);
      case "action_response" -> {
        Long sent = outstanding.poll();
        if (sent != null) {
          metrics.record("action_to_response", now - sent);
        }
        if (!n.path("success").asBoolean()) {
          errors.incrementAndGet();
        }
      }
      case "error" -> errors.incrementAndGet();
      default -> { }
    }
  }

  private void update(JsonNode n, long now) {
    received.incrementAndGet();
    long base = n.path("base_version").asLong();
    if (base != version) {
      gaps.incrementAndGet();
    }
    version = n.path("snapshot_version").asLong();
    JsonNode meta = n.path("metadata");
    Long sent = intended.get(meta.path("request_id").asText(""));
    if (sent == null) {
      return;
    }
    boolean mine = userId.equals(meta.path("actor").asText());
    metrics.record(mine ? "visual" : "fanout", now - sent);
    if (mine) {
      JsonNode t = meta.path("trace");
      hop("server_received", sent, t.path("received").asLong());
      hop("server_applied", t.path("received").asLong(), t.path("applied").asLong());
      hop("server_durable", t.path("applied").asLong(), t.path("durable").asLong());
      hop("server_published", t.path("durable").asLong(), t.path("published").asLong());
      hop("published_to_client", t.path("published").asLong(), now);
    }
  }

  private void hop(String metric, long from, long to) {
    if (from > 0 && to > 0) {
      metrics.record(metric, to - from);
    }
  }

  long received() {
    return received.get();
  }

  long gaps() {
    return gaps.get();
  }

  long errors() {
    return errors.get();
  }

  void close() {
    socket.close(1000, "bench done");
  }

  static long nowMicros() {
    Instant i = Clock.systemUTC().instant();
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
  }
}
