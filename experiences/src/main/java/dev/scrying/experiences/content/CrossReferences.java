package dev.scrying.experiences.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what a schema cannot: that ids named in one place exist in another, are unique, and that
 * the files agree with each other. Stateless; the first problem found is thrown as a
 * {@link ContentException}, in a fixed order (world, bootstrap, quest, commands, narrative).
 */
final class CrossReferences {
  private static final String WORLD = "world.template.json";
  private static final String CONFIG = "experience.json";
  private static final String NARRATIVE = "narrative.json";
  private static final String FAILURE_OUTCOME = "failure";

  private CrossReferences() {}

  static void check(Experience e) {
    checkWorld(e);
    checkBootstrap(e);
    checkVersion(e);
    checkQuest(e);
    checkCommands(e);
    checkNarrative(e);
  }

  /** The file a command doc must live in: {@code collect_item.md}, or {@code admin-where.md} for {@code @where}. */
  static String commandFile(String command) {
    String base = command.startsWith("@") ? "admin-" + command.substring(1) : command;
    return "game-logic/" + base + ".md";
  }

  private static void checkWorld(Experience e) {
    JsonNode world = e.worldTemplate();
    Set<String> instanceIds = new HashSet<>();
    Set<String> npcsPlaced = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> zones = world.path("locations").fields(); zones.hasNext(); ) {
      Map.Entry<String, JsonNode> zone = zones.next();
      checkPlaceNames(world, zone.getKey(), zone.getValue());
      for (Iterator<Map.Entry<String, JsonNode>> areas = zone.getValue().path("areas").fields(); areas.hasNext(); ) {
        Map.Entry<String, JsonNode> area = areas.next();
        for (Iterator<Map.Entry<String, JsonNode>> spots = area.getValue().path("spots").fields(); spots.hasNext(); ) {
          Map.Entry<String, JsonNode> spot = spots.next();
          String spotPath = "/locations/" + zone.getKey() + "/areas/" + area.getKey() + "/spots/" + spot.getKey();
          checkSpotNpc(e, spot.getValue(), spotPath, npcsPlaced);
          checkItems(e, WORLD, spot.getValue().path("items"), spotPath + "/items", instanceIds);
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> npcs = world.path("npcs").fields(); npcs.hasNext(); ) {
      Map.Entry<String, JsonNode> npc = npcs.next();
      if (!npcsPlaced.contains(npc.getKey())) {
        throw new ContentException(WORLD, "/npcs/" + npc.getKey(), "NPC is not placed on any spot");
      }
      checkItems(e, WORLD, npc.getValue().path("inventory"), "/npcs/" + npc.getKey() + "/inventory", instanceIds);
    }
    checkItems(e, CONFIG, e.bootstrap().path("inventory"), "/bootstrap/inventory", instanceIds);
  }

  /**
   * {@code go <id>} takes a zone, or an area or spot of the current zone, so within a zone every
   * area and spot id must be distinct and none may shadow a zone id.
   */
  private static void checkPlaceNames(JsonNode world, String zoneId, JsonNode zone) {
    Map<String, String> seen = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> areas = zone.path("areas").fields(); areas.hasNext(); ) {
      Map.Entry<String, JsonNode> area = areas.next();
      String areaPath = "/locations/" + zoneId + "/areas/" + area.getKey();
      claimPlaceName(world, seen, area.getKey(), areaPath);
      for (Iterator<String> spots = area.getValue().path("spots").fieldNames(); spots.hasNext(); ) {
        String spot = spots.next();
        claimPlaceName(world, seen, spot, areaPath + "/spots/" + spot);
      }
    }
  }

  private static void claimPlaceName(JsonNode world, Map<String, String> seen, String id, String path) {
    if (world.path("locations").has(id)) {
      throw new ContentException(WORLD, path, "'" + id + "' is also a zone id, so 'go " + id + "' would be ambiguous");
    }
    String earlier = seen.putIfAbsent(id, path);
    if (earlier != null) {
      throw new ContentException(WORLD, path, "'" + id + "' is already used in this zone at " + earlier);
    }
  }

  private static void checkSpotNpc(Experience e, JsonNode spot, String spotPath, Set<String> npcsPlaced) {
    JsonNode npc = spot.get("npc");
    if (npc == null) {
      return;
    }
    if (!e.worldTemplate().path("npcs").has(npc.asText())) {
      throw new ContentException(WORLD, spotPath + "/npc", "unknown NPC '" + npc.asText() + "'");
    }
    if (!npcsPlaced.add(npc.asText())) {
      throw new ContentException(WORLD, spotPath + "/npc",
          "NPC '" + npc.asText() + "' is placed on more than one spot");
    }
  }

  /** Instance ids are unique across the world, NPC inventories and the starting inventory. */
  private static void checkItems(Experience e, String file, JsonNode items, String itemsPath, Set<String> instanceIds) {
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String itemPath = itemsPath + "/" + i;
      String template = item.path("template_id").asText();
      if (!e.itemTemplates().containsKey(template)) {
        throw new ContentException(file, itemPath + "/template_id", "unknown item template '" + template + "'");
      }
      String instanceId = item.path("instance_id").asText();
      if (!instanceIds.add(instanceId)) {
        throw new ContentException(file, itemPath + "/instance_id", "instance id '" + instanceId + "' is used twice");
      }
    }
  }

  private static void checkBootstrap(Experience e) {
    JsonNode b = e.bootstrap();
    JsonNode zone = e.worldTemplate().path("locations").path(b.path("zone").asText());
    if (zone.isMissingNode()) {
      throw new ContentException(CONFIG, "/bootstrap/zone", "unknown zone '" + b.path("zone").asText() + "'");
    }
    JsonNode area = zone.path("areas").path(b.path("area").asText());
    if (area.isMissingNode()) {
      throw new ContentException(CONFIG, "/bootstrap/area",
          "zone '" + b.path("zone").asText() + "' has no area '" + b.path("area").asText() + "'");
    }
    if (area.path("spots").path(b.path("spot").asText()).isMissingNode()) {
      throw new ContentException(CONFIG, "/bootstrap/spot",
          "area '" + b.path("area").asText() + "' has no spot '" + b.path("spot").asText() + "'");
    }
    if (b.path("health").asInt() > b.path("max_health").asInt()) {
      throw new ContentException(CONFIG, "/bootstrap/health", "health is greater than max_health");
    }
  }

  private static void checkVersion(Experience e) {
    String worldVersion = e.worldTemplate().path("metadata").path("version").asText();
    if (!worldVersion.equals(e.contentVersion())) {
      throw new ContentException(WORLD, "/metadata/version",
          "'" + worldVersion + "' differs from the experience.json version '" + e.contentVersion() + "'");
    }
  }

  private static void checkQuest(Experience e) {
    JsonNode quest = e.quest();
    if (quest.isMissingNode()) {
      return;
    }
    String npc = quest.path("npc").asText();
    if (!e.worldTemplate().path("npcs").has(npc)) {
      throw new ContentException(CONFIG, "/quest/npc", "unknown NPC '" + npc + "'");
    }
    if (quest.hasNonNull("npc_counter")
        && !e.worldTemplate().path("npcs").path(npc).path("state").path(quest.path("npc_counter").asText()).isIntegralNumber()) {
      throw new ContentException(CONFIG, "/quest/npc_counter", "NPC '" + npc + "' has no integer state '"
          + quest.path("npc_counter").asText() + "'");
    }
    for (String key : List.of("required_global", "found_global")) {
      JsonNode value = e.worldTemplate().path("global_state").path(quest.path(key).asText());
      if (!value.isIntegralNumber()) {
        throw new ContentException(CONFIG, "/quest/" + key,
            "global_state has no integer '" + quest.path(key).asText() + "'");
      }
    }
    checkQuestCompletable(e, quest);
  }

  private static void checkQuestCompletable(Experience e, JsonNode quest) {
    String prefix = quest.path("item_template_prefix").asText();
    int required = e.worldTemplate().path("global_state").path(quest.path("required_global").asText()).asInt();
    long placed = spotItems(e.worldTemplate()).stream()
        .filter(item -> item.path("template_id").asText().startsWith(prefix))
        .count();
    if (placed < required) {
      throw new ContentException(CONFIG, "/quest/item_template_prefix", "only " + placed
          + " item(s) with a template starting '" + prefix + "' are in the world, but " + required + " are required");
    }
  }

  private static List<JsonNode> spotItems(JsonNode world) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode zone : world.path("locations")) {
      for (JsonNode area : zone.path("areas")) {
        for (JsonNode spot : area.path("spots")) {
          spot.path("items").forEach(out::add);
        }
      }
    }
    return out;
  }

  private static void checkNarrative(Experience e) {
    JsonNode lines = e.narrative().path("npcs");
    for (Iterator<String> ids = lines.fieldNames(); ids.hasNext(); ) {
      String id = ids.next();
      if (!e.worldTemplate().path("npcs").has(id)) {
        throw new ContentException(NARRATIVE, "/npcs/" + id, "unknown NPC '" + id + "'");
      }
    }
    for (Iterator<String> ids = e.worldTemplate().path("npcs").fieldNames(); ids.hasNext(); ) {
      String id = ids.next();
      if (!lines.has(id)) {
        throw new ContentException(NARRATIVE, "/npcs", "no lines for NPC '" + id + "'");
      }
    }
    if (!e.quest().isMissingNode()) {
      String npc = e.quest().path("npc").asText();
      for (String key : List.of("thanks_bottle", "quest_complete")) {
        if (!lines.path(npc).has(key)) {
          throw new ContentException(NARRATIVE, "/npcs/" + npc, "the quest NPC needs a '" + key + "' line");
        }
      }
    }
    checkOutcomes(e);
  }

  /** Every player command has outcome lines, and every outcome (except failure) is a command. */
  private static void checkOutcomes(Experience e) {
    JsonNode outcomes = e.narrative().path("outcomes");
    for (Iterator<String> keys = outcomes.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      boolean isPlayerCommand = e.command(key).map(c -> !c.requiresAdmin()).orElse(false);
      if (!key.equals(FAILURE_OUTCOME) && !isPlayerCommand) {
        throw new ContentException(NARRATIVE, "/outcomes/" + key, "no player command '" + key + "' in game-logic/");
      }
    }
    for (CommandDoc c : e.commands()) {
      if (!c.requiresAdmin() && !outcomes.has(c.command())) {
        throw new ContentException(NARRATIVE, "/outcomes", "no lines for command '" + c.command() + "'");
      }
    }
  }

  /** Natural language maps a verb to exactly one command, so names and aliases never overlap. */
  private static void checkCommands(Experience e) {
    Map<String, String> verbs = new HashMap<>();
    for (CommandDoc c : e.commands()) {
      String file = commandFile(c.command());
      if (c.requiresAdmin() != c.command().startsWith("@")) {
        throw new ContentException(file, "/requires_admin",
            "must be " + c.command().startsWith("@") + ": admin commands, and only they, start with '@'");
      }
      claimVerb(verbs, c.command(), c.command(), file, "/command");
      for (int i = 0; i < c.aliases().size(); i++) {
        String alias = c.aliases().get(i);
        if (!alias.equals(c.command())) {
          claimVerb(verbs, alias, c.command(), file, "/aliases/" + i);
        }
      }
    }
  }

  private static void claimVerb(Map<String, String> verbs, String verb, String command, String file, String path) {
    String owner = verbs.putIfAbsent(verb, command);
    if (owner != null) {
      String reason = owner.equals(command)
          ? "command '" + command + "' is documented twice"
          : "'" + verb + "' is already used by command '" + owner + "'";
      throw new ContentException(file, path, reason);
    }
  }
}
