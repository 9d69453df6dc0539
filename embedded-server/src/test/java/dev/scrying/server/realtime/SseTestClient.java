package dev.scrying.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/** A real okhttp-sse client that records every event (id, type, JSON data), for tests. */
final class SseTestClient extends EventSourceListener implements AutoCloseable {
  record Frame(String id, String type, JsonNode data) {}

  final List<Frame> frames = new CopyOnWriteArrayList<>();
  final CountDownLatch closed = new CountDownLatch(1);
  volatile int status;
  final EventSource source;

  private SseTestClient(Request request) {
    source = EventSources.createFactory(WsTestClient.HTTP).newEventSource(request, this);
  }

  static SseTestClient chat(String baseUrl, String token, String message) {
    String body = Json.write(Json.object().put("message", message).put("stream", true).put("experience", "wylding-woods"));
    return new SseTestClient(new Request.Builder().url(baseUrl + "/api/v0.3/chat")
        .header("Authorization", "Bearer " + token)
        .post(RequestBody.create(body, MediaType.get("application/json"))).build());
  }

  static SseTestClient events(String baseUrl, String token, Long lastEventId) {
    Request.Builder b = new Request.Builder().url(baseUrl + "/experience/wylding-woods/events")
        .header("Authorization", "Bearer " + token);
    if (lastEventId != null) {
      b.header("Last-Event-ID", String.valueOf(lastEventId));
    }
    return new SseTestClient(b.build());
  }

  @Override
  public void onOpen(EventSource eventSource, Response response) {
    status = response.code();
  }

  @Override
  public void onEvent(EventSource eventSource, String id, String type, String data) {
    frames.add(new Frame(id, type, Json.parse(data)));
  }

  @Override
  public void onClosed(EventSource eventSource) {
    closed.countDown();
  }

  @Override
  public void onFailure(EventSource eventSource, Throwable t, Response response) {
    if (response != null) {
      status = response.code();
    }
    closed.countDown();
  }

  /** The JSON "type" of each data frame, in order. */
  List<String> dataTypes() {
    return frames.stream().map(f -> f.data().path("type").asText()).toList();
  }

  @Override
  public void close() {
    source.cancel();
  }
}
