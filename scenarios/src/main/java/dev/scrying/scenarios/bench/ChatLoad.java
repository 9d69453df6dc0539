package dev.scrying.scenarios.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.HdrHistogram.Histogram;

/**
 * Chat streams alongside the action load: one player in the clearing takes and drops the moonstone
 * by natural language over POST /api/v0.3/chat. Records request to world_update frame (client),
 * the server's own request to world_update time, and whether every stream kept the order.
 */
final class ChatLoad {
  private final OkHttpClient http;
  private final Target target;
  private final String token;
  private final Metrics metrics = new Metrics();
  private final AtomicLong streams = new AtomicLong();
  private final AtomicLong ordered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private boolean holding;

  ChatLoad(OkHttpClient http, Target target) throws Exception {
    this.http = http;
    this.target = target;
    this.token = target.token("bench_chatter", "player");
    target.post("/experience/interact", Json.write(Json.object().put("experience", "wylding-woods")
        .put("action", "go").put("destination", "clearing")), token);
  }

  void send() {
    String message = holding ? "drop the moonstone" : "take the moonstone";
    holding = !holding;
    long sent = BenchClient.nowMicros();
    String body = Json.write(Json.object().put("message", message).put("stream", true).put("experience", "wylding-woods"));
    Request req = new Request.Builder().url(target.baseUrl + "/api/v0.3/chat").header("Authorization", "Bearer " + token)
        .post(RequestBody.create(body, MediaType.get("application/json"))).build();
    EventSources.createFactory(http).newEventSource(req, new EventSourceListener() {
      boolean sawUpdate;
      boolean sawContentFirst;

      @Override
      public void onEvent(EventSource source, String id, String type, String data) {
        JsonNode n = Json.parse(data);
        switch (n.path("type").asText()) {
          case "world_update" -> {
            if (!sawUpdate) {
              metrics.record("chat_to_world_update", BenchClient.nowMicros() - sent);
            }
            sawUpdate = true;
          }
          case "content" -> {
            if (!sawUpdate) {
              sawContentFirst = true;
            }
          }
          case "metadata" -> {
            if (n.has("world_update_ms")) {
              metrics.record("chat_server_world_update", (long) (n.path("world_update_ms").asDouble() * 1000));
            }
          }
          case "done" -> {
            streams.incrementAndGet();
            if (sawUpdate && !sawContentFirst) {
              ordered.incrementAndGet();
            }
          }
          default -> { }
        }
      }

      @Override
      public void onFailure(EventSource source, Throwable t, Response response) {
        failed.incrementAndGet();
      }
    });
  }

  /** Forgets the warm-up's streams and figures. */
  void reset() {
    metrics.take();
    streams.set(0);
    ordered.set(0);
    failed.set(0);
  }

  Map<String, Histogram> take() {
    return new TreeMap<>(metrics.take());
  }

  ObjectNode summary() {
    return Json.object().put("streams", streams.get()).put("in_order", ordered.get()).put("failed", failed.get())
        .put("in_order_percent", streams.get() == 0 ? 0 : Math.round(ordered.get() * 1000.0 / streams.get()) / 10.0);
  }
}
