package dev.scrying.scenarios.client;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.jspecify.annotations.Nullable;

/**
 * One open persistent SSE stream ({@code GET /experience/{exp}/events}). Events go to the
 * {@link Handler} on the stream's reader thread, in wire order. {@link #opened()} completes when the
 * server accepted the stream (it subscribes the player before answering), or fails with a
 * {@link ServerException}.
 */
final class EventStreamConnection extends EventSourceListener {
  /** Receives this stream's events and its end. */
  interface Handler {
    void event(EventStreamConnection c, @Nullable String id, @Nullable String type, String data);

    void ended(EventStreamConnection c, boolean failed, String detail);
  }

  private final Handler handler;
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final CompletableFuture<String> ended = new CompletableFuture<>();
  private final AtomicBoolean finished = new AtomicBoolean();
  private final EventSource source;

  private EventStreamConnection(OkHttpClient client, Request request, Handler handler) {
    this.handler = handler;
    this.source = EventSources.createFactory(client).newEventSource(request, this);
  }

  static EventStreamConnection open(OkHttpClient client, Request request, Handler handler) {
    return new EventStreamConnection(client, request, handler);
  }

  CompletableFuture<Void> opened() {
    return opened;
  }

  boolean isEnded() {
    return finished.get();
  }

  /** Completes with the reason once the stream ended, however it ended. */
  CompletableFuture<String> ended() {
    return ended;
  }

  void cancel() {
    source.cancel();
    end(true, "closed by the client");
  }

  @Override
  public void onOpen(EventSource eventSource, Response response) {
    opened.complete(null);
  }

  @Override
  public void onEvent(EventSource eventSource, @Nullable String id, @Nullable String type, String data) {
    if (!finished.get()) {
      handler.event(this, id, type, data);
    }
  }

  @Override
  public void onClosed(EventSource eventSource) {
    end(false, "the server ended the stream");
  }

  @Override
  public void onFailure(EventSource eventSource, @Nullable Throwable t, @Nullable Response response) {
    if (response != null && !response.isSuccessful()) {
      opened.completeExceptionally(ServerHandle.errorOf(response.code(), bodyOf(response), "GET events"));
    } else {
      opened.completeExceptionally(new ServerException(0, ServerException.CONNECTION_LOST,
          "event stream failed: " + (t == null ? "unknown" : t.getMessage()), t));
    }
    end(true, t == null ? "HTTP " + (response == null ? "?" : response.code()) : String.valueOf(t.getMessage()));
  }

  private void end(boolean failed, String detail) {
    if (finished.compareAndSet(false, true)) {
      opened.completeExceptionally(new ServerException(0, ServerException.CONNECTION_LOST, "event stream ended"));
      // The handler first, so whoever waits for the end sees a fully ended stream.
      handler.ended(this, failed, detail);
      ended.complete(detail);
    }
  }

  static String bodyOf(Response response) {
    try {
      return response.peekBody(64 * 1024).string();
    } catch (IOException | IllegalStateException e) {
      return "";
    }
  }
}
