package dev.scrying.server.narrative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;

/**
 * Builds the chat completion request body for a narration: a system prompt from the experience's
 * narrative (its optional {@code persona} text and the NPC's lines as voice samples) and a user
 * message stating the engine's facts. Thread-safe (immutable).
 */
final class ChatPrompt {
  private static final String RULES = """
      You narrate a live, location-based augmented reality experience. Turn the game engine's \
      result into one to three short sentences of second-person narration. The result is fact: \
      never contradict it, and never invent items, places, rewards or outcomes. If a character \
      speaks, keep to their voice. Reply with the narration only.""";

  private final ObjectNode narrative;

  ChatPrompt(ObjectNode narrative) {
    this.narrative = narrative.deepCopy();
  }

  ObjectNode body(String model, NarrationRequest request) {
    ObjectNode body = Json.object();
    body.put("model", model);
    body.put("stream", true);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", system(request));
    messages.addObject().put("role", "user").put("content", facts(request));
    return body;
  }

  private String system(NarrationRequest request) {
    StringBuilder prompt = new StringBuilder(RULES);
    JsonNode persona = narrative.path("persona");
    if (persona.isTextual() && !persona.asText().isBlank()) {
      prompt.append("\n\n").append(persona.asText().strip());
    }
    JsonNode npc = request.npcId() == null ? null : narrative.path("npcs").get(request.npcId());
    if (npc != null) {
      prompt.append("\n\nCharacter '").append(request.npcId()).append("'");
      JsonNode aliases = npc.path("aliases");
      if (aliases.isArray() && !aliases.isEmpty()) {
        prompt.append(", also called ").append(join(aliases));
      }
      prompt.append(". Lines in their voice:");
      appendLines(prompt, npc.path("greeting"));
      appendLines(prompt, npc.path("talk"));
    }
    return prompt.toString();
  }

  private static String facts(NarrationRequest request) {
    StringBuilder facts = new StringBuilder()
        .append("Experience: ").append(request.experience())
        .append("\nPlayer: ").append(request.userId())
        .append("\nCommand: ").append(request.command())
        .append(request.success() ? " (succeeded)" : " (failed)")
        .append("\nResult: ").append(request.message());
    if (request.npcId() != null) {
      facts.append("\nCharacter: ").append(request.npcId());
    }
    if (request.playerText() != null && !request.playerText().isBlank()) {
      facts.append("\nThe player said: ").append(request.playerText().strip());
    }
    return facts.toString();
  }

  private static void appendLines(StringBuilder prompt, JsonNode lines) {
    for (JsonNode line : lines) {
      if (line.isTextual()) {
        prompt.append("\n- ").append(line.asText());
      }
    }
  }

  private static String join(JsonNode values) {
    StringBuilder joined = new StringBuilder();
    for (JsonNode value : values) {
      joined.append(joined.length() == 0 ? "" : ", ").append(value.asText());
    }
    return joined.toString();
  }
}
