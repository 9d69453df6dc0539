package dev.scrying.scenarios.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * A player's WebSocket side: the current connection (with the requests waiting on it), the mirror it
 * feeds, and the recent world updates by trace id. Survives reconnects (the mirror continues).
 * Thread-safe: connection changes are serialised; frames are handled on OkHttp's reader thread. When the
 * current connection ends, however it ends, {@code dropped} hears how (on the thread that saw the end).
 */
final class PlayerSocket {
  private final PlayerWire wire;
  private final StreamMirror mirror;
  private final TraceIndex traces = new TraceIndex();
  private final Consumer<WebSocketClose> dropped;
  private volatile @Nullable WebSocketConnection current;

  PlayerSocket(PlayerWire wire, Consumer<WebSocketClose> dropped) {
    this.wire = wire;
    this.dropped = dropped;
    this.mirror = new StreamMirror(wire.userId(), Transport.WEBSOCKET, wire.problems());
  }

  StreamMirror mirror() {
    return mirror;
  }

  TraceIndex traces() {
    return traces;
  }

  boolean isOpen() {
    WebSocketConnection c = current;
    return c != null && !c.isEnded();
  }

  /**
   * Opens a connection unless one is open: fresh (returns at the first area_of_interest) or, once the
   * mirror has a snapshot, with {@code since_version} (returns at the {@code connected} frame, after
   * which the server replays what was missed).
   */
  synchronized void open() {
    if (isOpen()) {
      return;
    }
    Long since = mirror.hasSnapshot() ? mirror.version() : null;
    HttpUrl.Builder url = wire.server().url("/ws/experience").newBuilder()
        .addQueryParameter("token", wire.token()).addQueryParameter("experience", wire.experience());
    ObjectNode out = Json.object().put("type", "connect").put("experience", wire.experience());
    if (since != null) {
      url.addQueryParameter("since_version", String.valueOf(since));
      out.put("since_version", since);
    }
    WebSocketConnection c = new WebSocketConnection(handler());
    // Registered before the socket opens, so the server's first frames cannot be missed.
    CompletableFuture<PendingReplies.Reply> ready = c.replies().expect(since == null ? "area_of_interest" : "connected");
    wire.emit(Transport.WEBSOCKET, Direction.OUT, "connect", out, Micros.now());
    wire.state(Transport.WEBSOCKET, ConnectionState.CONNECTING, since == null ? "" : "since_version=" + since);
    current = c;
    c.start(wire.server().http(), new Request.Builder().url(url.build()).build());
    try {
      wire.await(ready, since == null ? "first area_of_interest" : "connected frame");
    } catch (ServerException e) {
      c.cancel();
      throw e;
    }
  }

  /** Sends a message (reported to the listeners first); false if no connection is open. */
  boolean send(ObjectNode message) {
    return sendOn(current, message);
  }

  private boolean sendOn(@Nullable WebSocketConnection c, ObjectNode message) {
    if (c == null || c.isEnded()) {
      return false;
    }
    // Reported before it is sent, so listeners always see a request before its answer.
    wire.emit(Transport.WEBSOCKET, Direction.OUT, message.path("type").asText(), message, Micros.now());
    return c.send(message.toString());
  }

  /**
   * Sends {@code message} and completes with the frame of {@code replyType} that answers it (or the
   * error frame); fails at once if no connection is open, or when the connection ends first.
   */
  CompletableFuture<PendingReplies.Reply> request(ObjectNode message, String replyType, @Nullable String action,
      @Nullable JsonNode fields) {
    WebSocketConnection c = current;
    if (c == null || c.isEnded()) {
      return noSocket();
    }
    CompletableFuture<PendingReplies.Reply> reply = c.replies().expect(replyType, action, fields);
    if (!sendOn(c, message)) {
      c.replies().forget(reply);
      return noSocket();
    }
    return reply;
  }

  private <T> CompletableFuture<T> noSocket() {
    return CompletableFuture.failedFuture(new ServerException(0, ServerException.CONNECTION_LOST,
        wire.userId() + " has no open WebSocket"));
  }

  /** Drops the connection without a close frame. */
  void cancel() {
    WebSocketConnection c = current;
    if (c != null) {
      c.cancel();
    }
  }

  /** Closes the connection politely (1000); requests still waiting fail. */
  void close() {
    WebSocketConnection c = current;
    if (c != null && !c.isEnded()) {
      c.replies().failAll(new ServerException(0, ServerException.CONNECTION_LOST, "player closed"));
      c.close(1000, "bye");
    }
  }

  CompletableFuture<WebSocketClose> ended() {
    WebSocketConnection c = current;
    return c == null ? CompletableFuture.completedFuture(new WebSocketClose(WebSocketClose.ABRUPT, "never connected"))
        : c.ended();
  }

  private WebSocketConnection.Handler handler() {
    return new WebSocketConnection.Handler() {
      @Override
      public void opened(WebSocketConnection c) {
        wire.state(Transport.WEBSOCKET, ConnectionState.OPEN, "");
      }

      @Override
      public void text(WebSocketConnection c, String text) {
        if (c == current) {
          frame(c, text);
        }
      }

      @Override
      public void ended(WebSocketConnection c, WebSocketClose close, boolean failed) {
        wire.state(Transport.WEBSOCKET, failed ? ConnectionState.FAILED : ConnectionState.CLOSED,
            close.code() + " " + close.reason());
        if (c == current) {
          dropped.accept(close);
        }
      }
    };
  }

  private void frame(WebSocketConnection c, String text) {
    long now = Micros.now();
    JsonNode json = PlayerWire.parse(text);
    String type = json.path("type").asText("unknown");
    switch (type) {
      case "area_of_interest" -> mirror.snapshot(json);
      case "world_update" -> {
        mirror.apply(json, now);
        traces.add(json, now);
      }
      default -> { }
    }
    // Mirror first, listeners next, replies last: a future never completes before its frame was reported.
    wire.emit(Transport.WEBSOCKET, Direction.IN, type, json, now);
    c.replies().offer(json, now);
  }
}
