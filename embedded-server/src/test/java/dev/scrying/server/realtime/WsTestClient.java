package dev.scrying.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** A real OkHttp WebSocket client that records every frame, for tests. */
class WsTestClient extends WebSocketListener implements AutoCloseable {
  static final OkHttpClient HTTP = new OkHttpClient();
  final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  final List<JsonNode> all = new CopyOnWriteArrayList<>();
  volatile int closeCode = -1;
  volatile String closeReason;
  /** The upgrade response's Sec-WebSocket-Extensions ("" for none), once open. */
  volatile String extensions;
  final WebSocket socket;
  private final java.util.function.Consumer<JsonNode> tap;

  WsTestClient(String baseUrl, String token, String query) {
    this(baseUrl, token, query, n -> { });
  }

  /** {@code tap} sees every frame first, on OkHttp's reader thread. */
  WsTestClient(String baseUrl, String token, String query, java.util.function.Consumer<JsonNode> tap) {
    this.tap = tap;
    String url = baseUrl.replace("http://", "ws://") + "/ws/experience?token=" + token + "&experience=wylding-woods"
        + (query == null ? "" : "&" + query);
    socket = HTTP.newWebSocket(new Request.Builder().url(url).build(), this);
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    extensions = response.header("Sec-WebSocket-Extensions", "");
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    JsonNode n = Json.parse(text);
    tap.accept(n);
    all.add(n);
    frames.add(n);
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    closeCode = code;
    closeReason = reason;
    webSocket.close(1000, null);
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable t, Response response) {
    if (closeCode < 0) {
      closeCode = 0;
    }
  }

  void send(ObjectNode message) {
    socket.send(message.toString());
  }

  void action(String action, String... fields) {
    ObjectNode m = Json.object().put("type", "action").put("action", action);
    for (int i = 0; i + 1 < fields.length; i += 2) {
      m.put(fields[i], fields[i + 1]);
    }
    send(m);
  }

  /** The next frame of {@code type}, skipping others (heartbeats); fails after 10 s. */
  JsonNode next(String type) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      JsonNode n = frames.poll(100, TimeUnit.MILLISECONDS);
      if (n != null && n.path("type").asText().equals(type)) {
        return n;
      }
    }
    throw new AssertionError("no '" + type + "' frame within 10 s; got " + types());
  }

  /** Frames received so far, in order, as their types. */
  List<String> types() {
    List<String> out = new ArrayList<>();
    all.forEach(n -> out.add(n.path("type").asText()));
    return out;
  }

  @Override
  public void close() {
    socket.close(1000, "bye");
  }
}
