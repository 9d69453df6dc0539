package dev.scrying.scenarios.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * The server's answer to one action: the {@code action_response} (or the {@code error} frame or HTTP
 * body that replaced it) and the player's own {@code world_update} that preceded it, with local
 * timestamps in epoch microseconds. A refusal is a normal result with {@code success == false}; an
 * {@code errorCode} is set when the server could not run the command at all (forbidden, unknown, bad
 * input). Immutable; do not modify the JSON nodes.
 *
 * @param worldUpdate the player's own delta for this action, or null if it changed nothing they see
 * @param worldUpdateAtMicros when {@code worldUpdate} arrived, 0 if there was none
 */
public record ActionResult(
    String userId,
    Transport transport,
    String action,
    boolean success,
    String message,
    @Nullable String itemId,
    @Nullable String errorCode,
    @Nullable String traceId,
    JsonNode response,
    @Nullable JsonNode worldUpdate,
    long sentAtMicros,
    long respondedAtMicros,
    long worldUpdateAtMicros) {

  /** Send to answer, in milliseconds. */
  public double responseMillis() {
    return (respondedAtMicros - sentAtMicros) / 1000.0;
  }

  /** Send to own world_update, in milliseconds; NaN when there was none. */
  public double worldUpdateMillis() {
    return worldUpdate == null ? Double.NaN : (worldUpdateAtMicros - sentAtMicros) / 1000.0;
  }

  static ActionResult fromWebSocket(String userId, String action, long sentAt, PendingReplies.Reply reply,
      TraceIndex.@Nullable Received own) {
    JsonNode f = reply.frame();
    if (f.path("type").asText().equals("error")) {
      return new ActionResult(userId, Transport.WEBSOCKET, action, false, f.path("message").asText(""), null,
          f.path("code").asText("error"), null, f, null, sentAt, reply.epochMicros(), 0);
    }
    return new ActionResult(userId, Transport.WEBSOCKET, action, f.path("success").asBoolean(false),
        f.path("message").asText(""), textOrNull(f.path("item_id")), textOrNull(f.path("error_code")),
        textOrNull(f.path("metadata").path("trace_id")), f, own == null ? null : own.worldUpdate(), sentAt,
        reply.epochMicros(), own == null ? 0 : own.epochMicros());
  }

  /** From a {@code POST /experience/interact} body: {@code {success, narrative, state_updates, metadata}}. */
  static ActionResult fromHttp(String userId, String action, long sentAt, JsonNode body, long respondedAt) {
    JsonNode meta = body.path("metadata");
    return new ActionResult(userId, Transport.HTTP, action, body.path("success").asBoolean(false),
        body.path("narrative").asText(body.path("error").path("message").asText("")),
        textOrNull(meta.path("instance_id")),
        textOrNull(body.path("error").isObject() ? body.path("error").path("code") : meta.path("error_code")),
        textOrNull(meta.path("trace_id")), body, null, sentAt, respondedAt, 0);
  }

  private static @Nullable String textOrNull(JsonNode n) {
    return n.isTextual() ? n.asText() : null;
  }
}
