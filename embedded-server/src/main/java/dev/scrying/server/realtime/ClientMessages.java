package dev.scrying.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.engine.Command;
import dev.scrying.server.http.ApiError;
import dev.scrying.server.http.RequestCommands;

/**
 * Decodes WebSocket text frames into {@link ClientMessage}s with the same limits as HTTP bodies
 * (JSON nesting depth, 2,000-character strings, typed and well-formed ids). Stateless and
 * thread-safe; never throws: anything it cannot accept becomes {@link ClientMessage.Invalid}.
 */
final class ClientMessages {
  static final int MAX_FIELD_LENGTH = 2_000;
  private static final int MAX_ECHO = 64;

  private ClientMessages() {}

  static ClientMessage decode(String text, Identity who) {
    JsonNode msg;
    try {
      msg = Json.parse(text);
    } catch (IllegalArgumentException e) {
      return invalid("invalid_json", "message is not valid JSON (or too deep, too long, or repeats a key)");
    }
    if (!msg.isObject() || !msg.path("type").isTextual()) {
      return invalid("missing_type", "every message needs a string 'type'");
    }
    try {
      RequestCommands.checkStrings(msg, MAX_FIELD_LENGTH);
      return switch (msg.path("type").asText()) {
        case "action" -> action((ObjectNode) msg, who);
        case "chat" -> chat(msg);
        case "update_location" -> location(msg);
        case "ping" -> ping(msg);
        case "get_commands" -> new ClientMessage.GetCommands();
        case "resync", "request_resync" -> new ClientMessage.Resync();
        default -> invalid("unknown_message_type", "unknown message type '" + echo(msg.path("type").asText()) + "'");
      };
    } catch (ApiError e) {
      return invalid(e.code(), e.getMessage());
    }
  }

  private static ClientMessage action(ObjectNode msg, Identity who) {
    if (!msg.path("action").isTextual() || msg.path("action").asText().isBlank()) {
      return invalid("missing_action", "an action message needs a string 'action'");
    }
    Command c = RequestCommands.fromBody(msg, who).withAdmin(who.isAdmin());
    return new ClientMessage.Action(c, msg.path("action").asText());
  }

  private static ClientMessage chat(JsonNode msg) {
    if (!msg.path("text").isTextual() || msg.path("text").asText().isBlank()) {
      return invalid("missing_text", "a chat message needs a non-empty string 'text'");
    }
    return new ClientMessage.Chat(msg.path("text").asText());
  }

  private static ClientMessage location(JsonNode msg) {
    JsonNode lat = msg.path("lat");
    JsonNode lng = msg.path("lng");
    if (!lat.isNumber() || !lng.isNumber()) {
      return invalid("missing_coordinates", "update_location needs numeric 'lat' and 'lng'");
    }
    double la = lat.asDouble();
    double lo = lng.asDouble();
    if (!Double.isFinite(la) || !Double.isFinite(lo) || Math.abs(la) > 90 || Math.abs(lo) > 180) {
      return invalid("invalid_coordinates", "'lat' must be within ±90 and 'lng' within ±180");
    }
    return new ClientMessage.Location(la, lo);
  }

  private static ClientMessage ping(JsonNode msg) {
    JsonNode ts = msg.get("timestamp");
    if (ts != null && !ts.isNull() && !ts.isNumber() && !ts.isTextual()) {
      return invalid("invalid_field", "'timestamp' must be a number");
    }
    return new ClientMessage.Ping(ts == null || ts.isNull() ? null : ts);
  }

  private static ClientMessage invalid(String code, String message) {
    return new ClientMessage.Invalid(code, message);
  }

  /** Enough of a client's text to recognise it, never a wall of it, and no control characters. */
  private static String echo(String s) {
    String cut = s.length() > MAX_ECHO ? s.substring(0, MAX_ECHO) + "…" : s;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
