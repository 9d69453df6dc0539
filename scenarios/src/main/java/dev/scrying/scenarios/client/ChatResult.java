package dev.scrying.scenarios.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One chat message's complete SSE stream: every frame in wire order with local timestamps (epoch
 * microseconds), and the moments that matter for latency. {@link #success()} means the stream ended
 * with {@code done} and carried no {@code error} frame; the chat protocol does not say whether the
 * command itself succeeded, so read {@link #text()} for that. Immutable.
 *
 * @param firstWorldUpdateAtMicros 0 if the stream carried no world_update
 * @param firstContentAtMicros 0 if the stream carried no content
 */
public record ChatResult(
    String userId,
    String message,
    List<Frame> frames,
    @Nullable String conversationId,
    @Nullable String traceId,
    @Nullable JsonNode error,
    boolean done,
    long sentAtMicros,
    long firstWorldUpdateAtMicros,
    long firstContentAtMicros,
    long endedAtMicros) {

  public ChatResult {
    frames = List.copyOf(frames);
  }

  public boolean success() {
    return done && error == null;
  }

  /**
   * Whether this message's own command changed the world: the stream carried a world update with the
   * message's trace id. (The chat protocol reports no success flag, so this is how a caller tells
   * "took the bottle" from "was told it is gone".)
   */
  public boolean changedWorld() {
    return traceId != null && worldUpdates().stream()
        .anyMatch(u -> traceId.equals(u.path("metadata").path("trace_id").asText(null)));
  }

  /** The narrative: every content frame's text, concatenated. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    frames.stream().filter(f -> f.type().equals("content")).forEach(f -> sb.append(f.json().path("content").asText()));
    return sb.toString();
  }

  /** The frame types in order, e.g. {@code [metadata, world_update, content, ..., metadata, done]}. */
  public List<String> types() {
    return frames.stream().map(Frame::type).toList();
  }

  public List<JsonNode> worldUpdates() {
    return frames.stream().filter(f -> f.type().equals("world_update")).map(Frame::json).toList();
  }

  /** The error frame's code, if the stream carried one. */
  public @Nullable String errorCode() {
    return error == null ? null : error.path("error").path("code").asText(error.path("code").asText(null));
  }
}
