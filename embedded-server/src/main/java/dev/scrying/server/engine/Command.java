package dev.scrying.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;

/**
 * One structured command as the engine runs it. {@code userId} and {@code admin} come from the
 * caller's verified identity, never from the request body. {@code requestId} (optional) makes a retry
 * return the first result; {@code traceId} tags every hop this command causes.
 */
public record Command(
    String action,
    ObjectNode fields,
    String userId,
    boolean admin,
    String requestId,
    String traceId,
    String text) {

  public Command {
    fields = fields == null ? Json.object() : fields;
  }

  public static Command of(String userId, String action, ObjectNode fields) {
    return new Command(action, fields, userId, false, null, null, null);
  }

  public String field(String name) {
    JsonNode v = fields.get(name);
    return v == null || v.isNull() ? null : v.asText();
  }

  public Command withAdmin(boolean isAdmin) {
    return new Command(action, fields, userId, isAdmin, requestId, traceId, text);
  }

  public Command withRequestId(String id) {
    return new Command(action, fields, userId, admin, id, traceId, text);
  }

  public Command withTraceId(String id) {
    return new Command(action, fields, userId, admin, requestId, id, text);
  }

  public Command withText(String original) {
    return new Command(action, fields, userId, admin, requestId, traceId, original);
  }

  /** The structured form, e.g. {@code {"action":"collect_item","instance_id":"bottle_joy"}}. */
  public ObjectNode structured() {
    ObjectNode out = Json.object().put("action", action);
    out.setAll(fields.deepCopy());
    return out;
  }
}
