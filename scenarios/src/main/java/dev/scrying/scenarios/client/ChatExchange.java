package dev.scrying.scenarios.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import org.jspecify.annotations.Nullable;

/**
 * One chat message's SSE stream as it arrives: records every frame, checks that its world updates
 * chain, and completes {@link #result()} when the server ends the stream. Callbacks run on the
 * stream's single reader thread; {@code result()} is completed from that thread.
 */
final class ChatExchange extends EventSourceListener {
  private final String userId;
  private final String message;
  private final long sentAt;
  private final FrameListeners listeners;
  private final Latencies latencies;
  private final List<ChainProblem> problems;
  private final CompletableFuture<ChatResult> result = new CompletableFuture<>();
  private final List<Frame> frames = new ArrayList<>();
  private String conversationId;
  private String traceId;
  private JsonNode error;
  private boolean done;
  private long firstWorldUpdate;
  private long firstContent;
  private long lastSnapshotVersion = -1;

  ChatExchange(String userId, String message, long sentAt, FrameListeners listeners, Latencies latencies,
      List<ChainProblem> problems) {
    this.userId = userId;
    this.message = message;
    this.sentAt = sentAt;
    this.listeners = listeners;
    this.latencies = latencies;
    this.problems = problems;
  }

  CompletableFuture<ChatResult> result() {
    return result;
  }

  @Override
  public void onEvent(EventSource source, @Nullable String id, @Nullable String type, String data) {
    JsonNode json;
    try {
      json = Json.parse(data);
    } catch (IllegalArgumentException e) {
      json = Json.object().put("type", "invalid_json").put("data", data);
    }
    Frame f = Frame.in(userId, Transport.CHAT_SSE, json.path("type").asText(type == null ? "message" : type), json);
    note(f);
    frames.add(f);
    listeners.emit(f);
  }

  private void note(Frame f) {
    JsonNode json = f.json();
    switch (f.type()) {
      case "metadata" -> {
        if (conversationId == null && json.path("conversation_id").isTextual()) {
          conversationId = json.path("conversation_id").asText();
        }
        if (json.path("trace_id").isTextual()) {
          traceId = json.path("trace_id").asText();
        }
      }
      case "world_update" -> {
        firstWorldUpdate = firstWorldUpdate == 0 ? f.epochMicros() : firstWorldUpdate;
        checkChain(json, f.epochMicros());
      }
      case "content" -> firstContent = firstContent == 0 ? f.epochMicros() : firstContent;
      case "error" -> error = json;
      case "done" -> done = true;
      default -> { }
    }
  }

  /** A chat stream has no snapshot, so only consecutive deltas can be checked against each other. */
  private void checkChain(JsonNode update, long at) {
    long base = update.path("base_version").asLong();
    long snapshot = update.path("snapshot_version").asLong();
    if (lastSnapshotVersion >= 0 && base != lastSnapshotVersion) {
      problems.add(new ChainProblem(userId, Transport.CHAT_SSE,
          base > lastSnapshotVersion ? ChainProblem.Kind.GAP : ChainProblem.Kind.STALE, lastSnapshotVersion, base,
          snapshot, at));
    }
    lastSnapshotVersion = Math.max(lastSnapshotVersion, snapshot);
  }

  @Override
  public void onClosed(EventSource source) {
    finish();
  }

  @Override
  public void onFailure(EventSource source, @Nullable Throwable t, @Nullable Response response) {
    if (response != null && !response.isSuccessful()) {
      result.completeExceptionally(ServerHandle.errorOf(response.code(), EventStreamConnection.bodyOf(response),
          "POST /api/v0.3/chat"));
    } else if (done) {
      finish();
    } else {
      result.completeExceptionally(new ServerException(0, ServerException.CONNECTION_LOST,
          "chat stream broke after " + frames.size() + " frames: " + (t == null ? "unknown" : t.getMessage()), t));
    }
  }

  private void finish() {
    if (firstWorldUpdate != 0) {
      latencies.record(LatencyMetric.CHAT_TO_WORLD_UPDATE, firstWorldUpdate - sentAt);
    }
    if (firstContent != 0) {
      latencies.record(LatencyMetric.CHAT_TO_FIRST_CONTENT, firstContent - sentAt);
    }
    result.complete(new ChatResult(userId, message, frames, conversationId, traceId, error, done, sentAt,
        firstWorldUpdate, firstContent, Micros.now()));
  }
}
