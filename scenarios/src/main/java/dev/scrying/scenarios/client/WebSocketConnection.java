package dev.scrying.scenarios.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.jspecify.annotations.Nullable;

/**
 * One OkHttp WebSocket of a player, with the requests sent on it that still wait for a reply: they
 * belong to this connection and fail when it ends, never touching the next connection's. Frames go to
 * the {@link Handler} on OkHttp's single reader thread, in wire order. When the socket ends, its
 * waiting requests fail and the handler hears it before {@link #ended()} completes, so whoever waits
 * for the end sees a fully closed connection.
 */
final class WebSocketConnection extends WebSocketListener {
  /** Receives this connection's frames and its end. */
  interface Handler {
    void opened(WebSocketConnection c);

    void text(WebSocketConnection c, String text);

    void ended(WebSocketConnection c, WebSocketClose close, boolean failed);
  }

  private final Handler handler;
  private final PendingReplies replies = new PendingReplies();
  private final CompletableFuture<WebSocketClose> ended = new CompletableFuture<>();
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile @Nullable WebSocket socket;

  WebSocketConnection(Handler handler) {
    this.handler = handler;
  }

  /** Starts the handshake; register expected replies before calling this. */
  void start(OkHttpClient client, Request request) {
    socket = client.newWebSocket(request, this);
  }

  PendingReplies replies() {
    return replies;
  }

  boolean send(String text) {
    WebSocket s = socket;
    return s != null && !finished.get() && s.send(text);
  }

  /** Drops the connection without a close frame, as a phone losing its network would. */
  void cancel() {
    WebSocket s = socket;
    if (s != null) {
      s.cancel();
    }
    end(new WebSocketClose(WebSocketClose.ABRUPT, "disconnected by the client"), true);
  }

  void close(int code, String reason) {
    WebSocket s = socket;
    if (s != null) {
      s.close(code, reason);
    }
  }

  CompletableFuture<WebSocketClose> ended() {
    return ended;
  }

  boolean isEnded() {
    return finished.get();
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    handler.opened(this);
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    if (!finished.get()) {
      handler.text(this, text);
    }
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(1000, null);
    end(new WebSocketClose(code, reason), false);
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    end(new WebSocketClose(code, reason), false);
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable t, @Nullable Response response) {
    String why = response != null ? "handshake refused with HTTP " + response.code() : String.valueOf(t.getMessage());
    end(new WebSocketClose(WebSocketClose.ABRUPT, why), true);
  }

  private void end(WebSocketClose close, boolean failed) {
    if (finished.compareAndSet(false, true)) {
      replies.failAll(new ServerException(0, ServerException.CONNECTION_LOST,
          "WebSocket closed (" + close.code() + " " + close.reason() + ")"));
      handler.ended(this, close, failed);
      ended.complete(close);
    }
  }
}
