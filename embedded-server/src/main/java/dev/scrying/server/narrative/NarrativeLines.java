package dev.scrying.server.narrative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the offline narration for a request from an experience's narrative.json. Pure and
 * deterministic: equal requests give equal text, and lines are picked by a hash of player, command
 * and version rather than at random, so a rehearsal replays identically. Thread-safe (immutable).
 */
final class NarrativeLines {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final ObjectNode narrative;

  NarrativeLines(ObjectNode narrative) {
    // A private copy: the caller's tree is mutable and may be edited while narrations run.
    this.narrative = narrative.deepCopy();
  }

  String compose(NarrationRequest request) {
    Map<String, String> values = new HashMap<>();
    values.put("player", request.userId());
    String npcId = blankToNull(request.npcId());
    if (npcId != null) {
      values.put("npc", npcName(npcId));
    }
    String message = normalize(request.message());

    List<String> parts = new ArrayList<>();
    String outcomeKey = request.success() ? request.command() : "failure";
    pick(narrative.path("outcomes").path(outcomeKey), values, seed(request, "outcome"))
        .ifPresent(parts::add);

    String npcLine = null;
    if (request.success() && "talk".equals(request.command()) && npcId != null) {
      String said = blankToNull(request.playerText());
      if (said != null) {
        parts.add("You say: \"" + normalize(said) + "\"");
      }
      JsonNode npc = narrative.path("npcs").path(npcId);
      JsonNode lines = npc.path("talk").isArray() && !npc.path("talk").isEmpty()
          ? npc.path("talk") : npc.path("greeting");
      npcLine = pick(lines, values, seed(request, "talk"))
          .filter(line -> !message.contains(line))
          .map(line -> values.get("npc") + ": \"" + line + "\"")
          .orElse(null);
    }
    // The engine's message is the fact; narration lines are colour and must not repeat it.
    if (!message.isEmpty() && parts.stream().noneMatch(part -> part.contains(message))) {
      parts.add(message);
    }
    if (npcLine != null) {
      parts.add(npcLine);
    }
    parts.removeIf(String::isBlank);
    if (parts.isEmpty()) {
      parts.add(request.success() ? "Done." : "Nothing happens.");
    }
    return String.join(" ", parts);
  }

  /**
   * A line from {@code lines} whose placeholders can all be filled; lines needing facts the request
   * does not carry (such as {@code {item}}) are passed over rather than printed with gaps.
   */
  private static Optional<String> pick(JsonNode lines, Map<String, String> values, long seed) {
    List<String> usable = new ArrayList<>();
    for (JsonNode line : lines) {
      if (line.isTextual() && !line.asText().isBlank() && fillable(line.asText(), values)) {
        usable.add(line.asText());
      }
    }
    if (usable.isEmpty()) {
      return Optional.empty();
    }
    String line = usable.get((int) Math.floorMod(seed, (long) usable.size()));
    return Optional.of(normalize(fill(line, values)));
  }

  private static boolean fillable(String line, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(line);
    while (matcher.find()) {
      if (!values.containsKey(matcher.group(1))) {
        return false;
      }
    }
    return true;
  }

  private static String fill(String line, Map<String, String> values) {
    return PLACEHOLDER.matcher(line).replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
  }

  private String npcName(String npcId) {
    JsonNode name = narrative.path("npcs").path(npcId).path("name");
    if (name.isTextual() && !name.asText().isBlank()) {
      return name.asText().strip();
    }
    StringBuilder title = new StringBuilder();
    for (String word : npcId.split("[_-]+")) {
      if (!word.isEmpty()) {
        title.append(title.length() == 0 ? "" : " ")
            .append(word.substring(0, 1).toUpperCase(Locale.ROOT))
            .append(word.substring(1));
      }
    }
    return title.length() == 0 ? npcId : title.toString();
  }

  /** FNV-1a over the fields: unlike {@code hashCode} of a record, fixed by this code alone. */
  private static long seed(NarrationRequest request, String purpose) {
    String key = request.userId() + '\u0000' + request.command() + '\u0000' + request.version()
        + '\u0000' + purpose;
    long hash = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  private static String normalize(String text) {
    return WHITESPACE.matcher(text).replaceAll(" ").strip();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
