package dev.scrying.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Ids;
import dev.scrying.experiences.Json;
import dev.scrying.server.auth.Identity;
import dev.scrying.server.engine.Command;
import dev.scrying.server.engine.Commands;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link Command} from a request body: a structured {@code action} with its fields (legacy
 * names such as {@code item_id} are accepted) or a free-text {@code message}. Identity fields in the
 * body are ignored; the caller's token decides.
 */
public final class RequestCommands {
  private static final Set<String> RESERVED = Set.of("experience", "action", "request_id", "user_id", "type", "message",
      "stream", "conversation_id", "token");
  private static final Map<String, String> LEGACY = Map.of("item_id", "instance_id", "target", "destination",
      "area", "destination", "npc", "npc_id");
  /** Fields that name a thing by id; they reach JSON paths and messages, so they must look like ids. */
  /** More fields than any command has; a body with more is an attack on the journal, not a command. */
  private static final int MAX_FIELDS = 64;
  private static final int MAX_ARGS = 16;
  private static final Set<String> ID_FIELDS = Set.of("instance_id", "destination", "target_npc_id",
      "target_player_id", "npc_id", "quest_id");

  private RequestCommands() {}

  public static Command fromBody(ObjectNode body, Identity who) {
    String requestId = requestId(body);
    JsonNode action = body.get("action");
    if (action != null) {
      if (!action.isTextual() || action.asText().isBlank()) {
        throw new ApiError(400, "invalid_action", "'action' must be a non-empty string");
      }
      if (body.size() > MAX_FIELDS) {
        throw new ApiError(400, "too_many_fields", "a command has at most " + MAX_FIELDS + " fields");
      }
      String name = action.asText().strip();
      if (name.startsWith("@") || name.contains(" ")) {
        return text(name, who, requestId);
      }
      ObjectNode fields = Json.object();
      body.fields().forEachRemaining(f -> {
        if (!RESERVED.contains(f.getKey())) {
          if (!f.getValue().isValueNode() && !f.getKey().equals("args")) {
            throw new ApiError(400, "invalid_field", "field '" + f.getKey() + "' must be a string or number");
          }
          if (f.getKey().equals("args") && !isArgs(f.getValue())) {
            throw new ApiError(400, "invalid_field", "'args' must be a string or a list of at most " + MAX_ARGS
                + " strings");
          }
          String field = LEGACY.getOrDefault(f.getKey(), f.getKey());
          if (!ID_FIELDS.contains(field) || isId(f.getValue())) {
            fields.set(field, f.getValue());
          } else if (!isAbsent(f.getValue())) {
            throw new ApiError(400, "invalid_field", "field '" + f.getKey()
                + "' must be an id: 1-64 letters, digits, '_' or '-'");
          }
        }
      });
      return new Command(name, fields, who.userId(), who.isAdmin(), requestId, null, null);
    }
    if (body.hasNonNull("message")) {
      return text(text(body, "message"), who, requestId);
    }
    throw new ApiError(400, "missing_message", "send 'message' (text) or 'action' (a structured command)");
  }

  private static Command text(String text, Identity who, String requestId) {
    return new Command(Commands.TEXT, Json.object().put("text", text), who.userId(), who.isAdmin(), requestId, null, text);
  }

  static String text(ObjectNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new ApiError(400, "missing_" + field, "'" + field + "' must be a non-empty string");
    }
    return v.asText().strip();
  }

  public static String requestId(ObjectNode body) {
    JsonNode v = body.get("request_id");
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || !v.asText().matches("[A-Za-z0-9_.:-]{1,128}")) {
      throw new ApiError(400, "invalid_request_id", "request_id must be 1-128 letters, digits or _.:-");
    }
    return v.asText();
  }

  static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isArgs(JsonNode v) {
    if (v.isTextual()) {
      return true;
    }
    if (!v.isArray() || v.size() > MAX_ARGS) {
      return false;
    }
    for (JsonNode a : v) {
      if (!a.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isId(JsonNode v) {
    return v.isTextual() && Ids.isEntityId(v.asText());
  }

  /** Clients that fill every field send null or "" for the ones they do not use. */
  private static boolean isAbsent(JsonNode v) {
    return v.isNull() || (v.isTextual() && v.asText().isEmpty());
  }

  /** Refuses any string anywhere in {@code node} longer than {@code max} characters (400 field_too_long). */
  public static void checkStrings(JsonNode node, int max) {
    if (node.isTextual() && node.asText().length() > max) {
      throw new ApiError(400, "field_too_long", "a string field is longer than " + max + " characters");
    }
    if (node.isTextual() && hasLoneSurrogate(node.asText())) {
      // "\uD800" is legal JSON but no text: it would be written to the journal as '?', so replay would differ.
      throw new ApiError(400, "invalid_text", "a string field holds an unpaired UTF-16 surrogate");
    }
    node.fieldNames().forEachRemaining(name -> {
      if (name.length() > max) {
        throw new ApiError(400, "field_too_long", "a field name is longer than " + max + " characters");
      }
    });
    node.forEach(child -> checkStrings(child, max));
  }
}
