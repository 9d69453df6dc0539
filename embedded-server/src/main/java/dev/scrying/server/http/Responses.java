package dev.scrying.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import dev.scrying.server.engine.CommandResult;
import io.javalin.http.Context;

/** JSON bodies of the HTTP API, in the shapes the existing clients expect. */
final class Responses {
  private Responses() {}

  static void json(Context ctx, int status, JsonNode body) {
    ctx.status(status).contentType("application/json").result(Json.writeBytes(body));
  }

  static void error(Context ctx, int status, String code, String message) {
    ObjectNode body = Json.object().put("success", false);
    body.putObject("error").put("code", code).put("message", message);
    json(ctx, status, body);
  }

  /** {@code {success, narrative, experience, state_updates, metadata}} as POST /experience/interact answers. */
  static ObjectNode interact(CommandResult r) {
    ObjectNode out = Json.object().put("success", r.success()).put("narrative", r.message())
        .put("experience", r.experience());
    ObjectNode updates = out.putObject("state_updates");
    updates.put("version", r.version());
    var changes = updates.putArray("changes");
    r.eventFor(r.userId()).map(WorldUpdateEvent::changes).ifPresent(changes::addAll);
    r.eventFor(r.userId()).ifPresent(e -> updates.put("base_version", e.baseVersion()).put("snapshot_version", e.snapshotVersion()));
    ObjectNode meta = r.metadata().deepCopy();
    meta.set("command", r.command());
    meta.put("version", r.version()).put("state_changed", r.stateChanged()).put("trace_id", r.trace().id());
    if (r.duplicate()) {
      meta.put("duplicate", true);
    }
    out.set("metadata", meta);
    return out;
  }
}
