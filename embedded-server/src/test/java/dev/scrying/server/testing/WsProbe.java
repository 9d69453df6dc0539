package dev.scrying.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WebSocket test client on the JDK's HttpClient (no thread per socket, no per-host limit), recording
 * every text frame as JSON and how the server closed. {@link #vanish()} drops the TCP connection without a
 * close frame, as a phone leaving Wi-Fi would.
 */
public final class WsProbe implements WebSocket.Listener, AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public final List<JsonNode> frames = new CopyOnWriteArrayList<>();
  public final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  public volatile String closeReason;
  private final StringBuilder partial = new StringBuilder();
  private final WebSocket socket;

  private WsProbe(URI uri) {
    WebSocket ws;
    try {
      ws = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, this).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot open " + uri.getPath() + ": " + e, e);
    }
    this.socket = ws;
  }

  /** Connects to {@code /ws/experience} of wylding-woods as the token's player. */
  public static WsProbe open(String baseUrl, String token, String extraQuery) {
    String q = "?token=" + URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8)
        + "&experience=wylding-woods" + (extraQuery == null ? "" : "&" + extraQuery);
    return new WsProbe(URI.create(baseUrl.replace("http://", "ws://") + "/ws/experience" + q));
  }

  /** Connects to an exact query string (the bad-input corpus controls every parameter). */
  public static WsProbe openRaw(String baseUrl, String query) {
    return new WsProbe(URI.create(baseUrl.replace("http://", "ws://") + "/ws/experience" + query));
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      frames.add(Json.parse(text));
      synchronized (frames) {
        frames.notifyAll();
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeReason = reason;
    closeCode.complete(statusCode);
    synchronized (frames) {
      frames.notifyAll();
    }
    return null;
  }

  /**
   * Waits (on the listener's notification, not by polling) until {@code count} frames of {@code type}
   * have arrived; returns the last of them. Fails after 10 s or when the server closes first.
   */
  public JsonNode awaitFrames(String type, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    synchronized (frames) {
      while (true) {
        List<JsonNode> seen = ofType(type);
        if (seen.size() >= count) {
          return seen.get(count - 1);
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || isClosed()) {
          throw new AssertionError("expected " + count + " '" + type + "' frames; got " + frames + " (closed: "
              + closeCode.getNow(null) + ")");
        }
        frames.wait(left);
      }
    }
  }

  public JsonNode awaitFrame(String type) throws InterruptedException {
    return awaitFrames(type, 1);
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closeCode.complete(-1);
  }

  public void send(String text) {
    socket.sendText(text, true).join();
  }

  public void sendBinary(byte[] bytes) {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
  }

  public boolean isClosed() {
    return closeCode.isDone();
  }

  /** Frames of one type, in order. */
  public List<JsonNode> ofType(String type) {
    return frames.stream().filter(f -> f.path("type").asText().equals(type)).toList();
  }

  public long count(Predicate<JsonNode> p) {
    return frames.stream().filter(p).count();
  }

  /** Drops the connection without a close handshake. */
  public void vanish() {
    socket.abort();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      try {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // already gone
      }
    }
    socket.abort();
  }
}
