package dev.scrying.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.content.CommandDoc;
import dev.scrying.experiences.content.Experience;
import dev.scrying.server.engine.CommandResult;

/** Builders for the WebSocket server messages (facts 4.3 plus our additions, see docs/PROTOCOL.md). */
final class Messages {
  private Messages() {}

  static ObjectNode typed(String type) {
    return Json.object().put("type", type).put("timestamp", System.currentTimeMillis());
  }

  static ObjectNode connected(String connectionId, String userId, String experience, long version) {
    return typed("connected").put("connection_id", connectionId).put("user_id", userId).put("experience", experience)
        .put("message", "Connected to " + experience + " experience").put("server_version", version);
  }

  static ObjectNode actionResponse(CommandResult r, String clientAction) {
    ObjectNode out = typed("action_response").put("action", clientAction).put("success", r.success())
        .put("message", r.message());
    ObjectNode meta = r.metadata().deepCopy();
    meta.set("command", r.command());
    meta.put("version", r.version()).put("trace_id", r.trace().id());
    if (r.duplicate()) {
      meta.put("duplicate", true);
    }
    out.set("metadata", meta);
    JsonNode id = r.metadata().get("instance_id");
    if (id != null && id.isTextual()) {
      out.put("item_id", id.asText());
    }
    if (r.errorCode() != null) {
      out.put("error_code", r.errorCode());
    }
    return out;
  }

  static ObjectNode questUpdate(Experience e, JsonNode world, JsonNode actorView, CommandResult r) {
    JsonNode quest = e.quest();
    String prefix = quest.path("item_template_prefix").asText("\u0000");
    int held = 0;
    for (JsonNode item : actorView.path("player").path("inventory")) {
      held += item.path("template_id").asText().startsWith(prefix) ? 1 : 0;
    }
    int count = world.path("global_state").path(quest.path("found_global").asText()).asInt(0);
    int total = world.path("global_state").path(quest.path("required_global").asText()).asInt(4);
    return typed("quest_update").put("quest_id", quest.path("id").asText())
        .put("status", count >= total ? "complete" : "in_progress")
        .put("bottles_collected", count).put("bottles_total", total).put("bottles_held", held)
        .put("version", r.version());
  }

  static ObjectNode error(String code, String message) {
    return typed("error").put("code", code).put("message", message);
  }

  static ObjectNode pong(JsonNode clientTimestamp) {
    ObjectNode out = typed("pong");
    if (clientTimestamp != null) {
      out.set("client_timestamp", clientTimestamp);
    }
    return out;
  }

  static ObjectNode heartbeat(long version) {
    return typed("heartbeat").put("version", version);
  }

  /** The commands the experience offers, each as a draft-07 JSON Schema of its action message. */
  static ObjectNode commandsSchema(Experience e, boolean admin) {
    ObjectNode out = typed("commands_schema").put("schema_version", "1.0");
    ObjectNode commands = out.putObject("commands");
    for (CommandDoc d : e.commands()) {
      if (d.requiresAdmin() && !admin) {
        continue;
      }
      ObjectNode s = commands.putObject(d.command());
      s.put("$schema", "http://json-schema.org/draft-07/schema#").put("title", d.command()).put("description", d.summary());
      s.put("type", "object");
      ObjectNode props = s.putObject("properties");
      props.putObject("type").put("const", "action");
      props.putObject("action").put("const", d.command());
      var required = s.putArray("required").add("type").add("action");
      for (String f : d.fields()) {
        props.putObject(f).put("type", "string");
        if (f.equals("instance_id") || f.equals("destination")) {
          required.add(f);
        }
      }
      d.aliases().forEach(s.putObject("metadata").putArray("aliases")::add);
    }
    ObjectNode loc = commands.putObject("update_location");
    loc.put("$schema", "http://json-schema.org/draft-07/schema#").put("type", "object");
    loc.putObject("properties").putObject("lat").put("type", "number");
    ((ObjectNode) loc.path("properties")).putObject("lng").put("type", "number");
    loc.putArray("required").add("type").add("lat").add("lng");
    return out;
  }
}
