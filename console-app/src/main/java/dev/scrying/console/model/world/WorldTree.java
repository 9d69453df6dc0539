package dev.scrying.console.model.world;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.console.model.world.WorldNode.Kind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the world tree the operator reads: zones, areas, spots with their items and NPCs, then all
 * NPCs, the global state and metadata. Anything below those shows as plain fields. Pure functions.
 */
public final class WorldTree {
  private static final int MAX_VALUE_LENGTH = 80;

  private WorldTree() {}

  public static WorldNode build(JsonNode world) {
    List<WorldNode> sections = new ArrayList<>();
    sections.add(section("/locations", "Zones", zones(world)));
    sections.add(section("/npcs", "NPCs", npcs(world.path("npcs"))));
    sections.add(section("/global_state", "Global state", fields(world.path("global_state"), "/global_state")));
    if (world.has("metadata")) {
      sections.add(section("/metadata", "Metadata", fields(world.path("metadata"), "/metadata")));
    }
    return new WorldNode("", "World", "", Kind.ROOT, sections);
  }

  /** Pointers of the nodes whose label or value contains {@code text}, with their ancestors. */
  public static Set<String> search(WorldNode root, String text) {
    Set<String> out = new LinkedHashSet<>();
    String needle = text.strip().toLowerCase(Locale.ROOT);
    if (!needle.isEmpty()) {
      collect(root, needle, out);
    }
    return out;
  }

  /** How many nodes match {@code text} themselves (not counting ancestors). */
  public static int countMatches(WorldNode root, String text) {
    String needle = text.strip().toLowerCase(Locale.ROOT);
    return needle.isEmpty() ? 0 : count(root, needle);
  }

  private static int count(WorldNode n, String needle) {
    int c = matches(n, needle) ? 1 : 0;
    for (WorldNode child : n.children()) {
      c += count(child, needle);
    }
    return c;
  }

  private static boolean collect(WorldNode n, String needle, Set<String> out) {
    boolean any = matches(n, needle);
    for (WorldNode c : n.children()) {
      any |= collect(c, needle, out);
    }
    if (any) {
      out.add(n.pointer());
    }
    return any;
  }

  private static boolean matches(WorldNode n, String needle) {
    return n.kind() != Kind.ROOT && (n.label().toLowerCase(Locale.ROOT).contains(needle)
        || n.value().toLowerCase(Locale.ROOT).contains(needle));
  }

  private static WorldNode section(String pointer, String label, List<WorldNode> children) {
    return new WorldNode(pointer, label, children.size() + (children.size() == 1 ? " entry" : " entries"), Kind.SECTION,
        children);
  }

  private static List<WorldNode> zones(JsonNode world) {
    List<WorldNode> out = new ArrayList<>();
    each(world.path("locations"), (id, zone) -> {
      String p = "/locations/" + JsonDiff.escape(id);
      List<WorldNode> children = new ArrayList<>();
      each(zone.path("areas"), (areaId, area) -> children.add(area(world, p + "/areas/" + JsonDiff.escape(areaId), areaId, area)));
      children.addAll(fieldsExcept(zone, p, Set.of("name", "description", "areas")));
      out.add(new WorldNode(p, zone.path("name").asText(id), id, Kind.ZONE, children));
    });
    return out;
  }

  private static WorldNode area(JsonNode world, String p, String id, JsonNode area) {
    List<WorldNode> spots = new ArrayList<>();
    each(area.path("spots"), (spotId, spot) -> spots.add(spot(world, p + "/spots/" + JsonDiff.escape(spotId), spotId, spot)));
    return new WorldNode(p, area.path("name").asText(id), id, Kind.AREA, spots);
  }

  private static WorldNode spot(JsonNode world, String p, String id, JsonNode spot) {
    List<WorldNode> children = new ArrayList<>();
    if (spot.hasNonNull("npc")) {
      String npcId = spot.path("npc").asText();
      JsonNode npc = world.path("npcs").path(npcId);
      children.add(new WorldNode(p + "/npc", npc.path("name").asText(npcId), npcId, Kind.NPC, List.of()));
    }
    JsonNode items = spot.path("items");
    for (int i = 0; i < items.size(); i++) {
      children.add(item(p + "/items/" + i, items.get(i)));
    }
    int count = items.size();
    String value = id + (count == 0 ? "" : " · " + count + (count == 1 ? " item" : " items"));
    return new WorldNode(p, spot.path("name").asText(id), value, Kind.SPOT, children);
  }

  private static WorldNode item(String p, JsonNode item) {
    String id = item.path("instance_id").asText();
    String glow = item.path("state").path("glow_color").asText("");
    boolean hidden = !item.path("visible").asBoolean(true);
    String value = id + (glow.isEmpty() ? "" : " · " + glow) + (hidden ? " · hidden" : "");
    return new WorldNode(p, item.path("semantic_name").asText(id), value, Kind.ITEM,
        fieldsExcept(item, p, Set.of("semantic_name")));
  }

  private static List<WorldNode> npcs(JsonNode npcs) {
    List<WorldNode> out = new ArrayList<>();
    each(npcs, (id, npc) -> {
      String p = "/npcs/" + JsonDiff.escape(id);
      out.add(new WorldNode(p, npc.path("name").asText(id), id, Kind.NPC, fieldsExcept(npc, p, Set.of("name"))));
    });
    return out;
  }

  private static List<WorldNode> fields(JsonNode node, String pointer) {
    return fieldsExcept(node, pointer, Set.of());
  }

  private static List<WorldNode> fieldsExcept(JsonNode node, String pointer, Set<String> skip) {
    List<WorldNode> out = new ArrayList<>();
    if (node.isObject()) {
      each(node, (key, value) -> {
        if (!skip.contains(key)) {
          out.add(field(pointer + "/" + JsonDiff.escape(key), key, value));
        }
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode e = node.get(i);
        out.add(field(pointer + "/" + i, e.path("instance_id").asText("[" + i + "]"), e));
      }
    }
    return out;
  }

  private static WorldNode field(String p, String key, JsonNode value) {
    if (value.isContainerNode()) {
      String size = value.size() + (value.isArray() ? " elements" : " fields");
      return new WorldNode(p, key, value.isEmpty() ? (value.isArray() ? "[]" : "{}") : size, Kind.FIELD,
          fields(value, p));
    }
    return new WorldNode(p, key, shorten(value.isTextual() ? value.asText() : value.toString()), Kind.FIELD, List.of());
  }

  private static String shorten(String s) {
    return s.length() <= MAX_VALUE_LENGTH ? s : s.substring(0, MAX_VALUE_LENGTH - 1) + "…";
  }

  private static void each(JsonNode object, java.util.function.BiConsumer<String, JsonNode> visit) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      visit.accept(f.getKey(), f.getValue());
    }
  }
}
