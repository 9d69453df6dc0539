package dev.scrying.server.engine.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.content.Experience;
import java.util.Map;

/** Picks and fills narrative lines from an experience's narrative.json, deterministically. */
final class Lines {
  private Lines() {}

  /** A line for an NPC: {@code key} may name a string or a list (picked by {@code seed}). */
  static String npc(Experience e, String npcId, String key, String seed, Map<String, String> vars) {
    return pick(e.narrative().path("npcs").path(npcId).path(key), seed, vars);
  }

  static String outcome(Experience e, String command, String seed, Map<String, String> vars) {
    return pick(e.narrative().path("outcomes").path(command), seed, vars);
  }

  static String pick(JsonNode node, String seed, Map<String, String> vars) {
    String line;
    if (node.isArray() && node.size() > 0) {
      line = node.get(Math.floorMod(seed.hashCode(), node.size())).asText();
    } else if (node.isTextual()) {
      line = node.asText();
    } else {
      return "";
    }
    for (Map.Entry<String, String> v : vars.entrySet()) {
      line = line.replace("{" + v.getKey() + "}", v.getValue());
    }
    return line;
  }
}
