package dev.scrying.scenarios.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Requests sent on a WebSocket that wait for their reply frame, in send order. The protocol has no
 * request ids, so a reply goes to the oldest request waiting for that frame type; for actions, the
 * oldest whose {@code action} string (which the server echoes) and fields (echoed in
 * {@code metadata.command}) match, so concurrent actions of one player get their own answers. An
 * {@code error} frame answers the oldest request of any kind. Thread-safe.
 */
final class PendingReplies {
  /** A reply frame and when it arrived. */
  record Reply(JsonNode frame, long epochMicros) {}

  private record Pending(String replyType, @Nullable String action, @Nullable JsonNode fields,
      CompletableFuture<Reply> future) {

    /** 2: action and fields match, 1: only the action string, 0: only the frame type. */
    int score(JsonNode frame) {
      if (action == null || !action.equals(frame.path("action").asText(null))) {
        return 0;
      }
      JsonNode echoed = frame.path("metadata").path("command");
      if (fields == null || !echoed.isObject()) {
        return 1;
      }
      for (var it = fields.fields(); it.hasNext(); ) {
        var f = it.next();
        if (echoed.has(f.getKey()) && !echoed.get(f.getKey()).equals(f.getValue())) {
          return 1;
        }
      }
      return 2;
    }
  }

  private final Deque<Pending> waiting = new ArrayDeque<>();

  /** Registers a request before it is sent, so that a fast reply cannot be missed. */
  synchronized CompletableFuture<Reply> expect(String replyType, @Nullable String action, @Nullable JsonNode fields) {
    CompletableFuture<Reply> f = new CompletableFuture<>();
    waiting.add(new Pending(replyType, action, fields, f));
    return f;
  }

  synchronized CompletableFuture<Reply> expect(String replyType) {
    return expect(replyType, null, null);
  }

  /** Offers a received frame; true if it answered a waiting request. */
  boolean offer(JsonNode frame, long epochMicros) {
    Pending p = take(frame);
    if (p == null) {
      return false;
    }
    p.future().complete(new Reply(frame, epochMicros));
    return true;
  }

  /** Fails every waiting request (the connection is gone). */
  void failAll(Throwable why) {
    List<Pending> all;
    synchronized (this) {
      all = new ArrayList<>(waiting);
      waiting.clear();
    }
    all.forEach(p -> p.future().completeExceptionally(why));
  }

  synchronized void forget(CompletableFuture<Reply> future) {
    waiting.removeIf(p -> p.future() == future);
  }

  private synchronized @Nullable Pending take(JsonNode frame) {
    String type = frame.path("type").asText();
    if (type.equals("error")) {
      return waiting.pollFirst();
    }
    Pending best = null;
    int bestScore = -1;
    for (Pending p : waiting) {
      if (p.replyType().equals(type)) {
        int score = p.score(frame);
        if (score > bestScore) {
          best = p;
          bestScore = score;
        }
      }
    }
    if (best != null) {
      waiting.remove(best);
    }
    return best;
  }
}
