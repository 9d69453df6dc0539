package dev.scrying.console.model.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The zone as one player's client mirror describes it, laid out on a grid for drawing: only what the
 * mirror holds (never the server's world), so what it shows is what a guest's device would show.
 * Immutable; {@link #of} is a pure function of the mirror.
 */
public record MirrorScene(String player, String zoneId, String zoneName, String description, long version, int columns,
    int rows, List<SpotView> spots) {

  public static final MirrorScene EMPTY = new MirrorScene("", "", "", "", -1, 0, 0, List.of());

  public MirrorScene {
    spots = List.copyOf(spots);
  }

  public static MirrorScene of(String player, JsonNode mirror, long version) {
    List<JsonNode> raw = new ArrayList<>();
    List<String> areaOf = new ArrayList<>();
    for (JsonNode area : mirror.path("areas")) {
      for (JsonNode spot : area.path("spots")) {
        raw.add(spot);
        areaOf.add(area.path("id").asText());
      }
    }
    int n = raw.size();
    int columns = n <= 2 ? Math.max(n, 1) : n <= 4 ? 2 : n <= 6 ? 3 : 4;
    int rows = Math.max(1, (n + columns - 1) / columns);
    JsonNode self = mirror.path("player");
    List<SpotView> spots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      JsonNode s = raw.get(i);
      String id = s.path("id").asText();
      spots.add(new SpotView(id, areaOf.get(i), s.path("name").asText(id), i % columns, i / columns, items(s), npcs(s),
          playersAt(mirror, areaOf.get(i), id), self.path("current_spot").asText().equals(id)
              && self.path("current_area").asText().equals(areaOf.get(i))));
    }
    JsonNode zone = mirror.path("zone");
    return new MirrorScene(player, zone.path("id").asText(), zone.path("name").asText(zone.path("id").asText()),
        zone.path("description").asText(""), version, columns, rows, spots);
  }

  /** Items present in {@code before} and gone here, in the same zone (a zone change replaces everything). */
  public List<VanishedItem> vanishedSince(MirrorScene before) {
    List<VanishedItem> out = new ArrayList<>();
    if (before == null || !before.zoneId.equals(zoneId)) {
      return out;
    }
    for (SpotView s : before.spots) {
      for (int i = 0; i < s.items().size(); i++) {
        ItemView item = s.items().get(i);
        if (!contains(item.id())) {
          out.add(new VanishedItem(item, s.id(), i));
        }
      }
    }
    return out;
  }

  public boolean contains(String itemId) {
    return spots.stream().anyMatch(s -> s.items().stream().anyMatch(i -> i.id().equals(itemId)));
  }

  private static List<ItemView> items(JsonNode spot) {
    List<ItemView> out = new ArrayList<>();
    for (JsonNode i : spot.path("items")) {
      JsonNode state = i.path("state");
      out.add(new ItemView(i.path("instance_id").asText(), i.path("semantic_name").asText(i.path("instance_id").asText()),
          state.path("glow_color").asText(""), state.path("symbol").asText("")));
    }
    return out;
  }

  private static List<String> npcs(JsonNode spot) {
    List<String> out = new ArrayList<>();
    spot.path("npcs").forEach(n -> out.add(n.path("name").asText(n.path("template_id").asText())));
    return out;
  }

  private static List<String> playersAt(JsonNode mirror, String area, String spot) {
    List<String> out = new ArrayList<>();
    mirror.path("players").fields().forEachRemaining(p -> {
      if (p.getValue().path("spot").asText().equals(spot) && p.getValue().path("area").asText().equals(area)) {
        out.add(p.getKey());
      }
    });
    return out;
  }
}
