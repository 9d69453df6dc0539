package dev.scrying.console.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Short words for the changes of a {@code world_update}, e.g. "bottle_joy left spot_3, inventory + bottle_joy". */
public final class ChangeSummary {
  private static final int MAX_SHOWN = 3;

  private ChangeSummary() {}

  public static String of(JsonNode changes) {
    List<String> parts = new ArrayList<>();
    for (JsonNode c : changes) {
      parts.add(one(c));
    }
    if (parts.isEmpty()) {
      return "no changes";
    }
    if (parts.size() > MAX_SHOWN) {
      int more = parts.size() - MAX_SHOWN;
      parts = new ArrayList<>(parts.subList(0, MAX_SHOWN));
      parts.add("+" + more + " more");
    }
    return String.join(", ", parts);
  }

  /** How many items a player view ({@code area_of_interest}) shows across its areas and spots. */
  public static int countItems(JsonNode view) {
    int n = 0;
    for (JsonNode area : view.path("areas")) {
      for (JsonNode spot : area.path("spots")) {
        n += spot.path("items").size();
      }
    }
    return n;
  }

  static String one(JsonNode c) {
    String op = c.path("operation").asText();
    String id = c.path("instance_id").asText("");
    if ("replace".equals(op)) {
      return "view replaced";
    }
    if ("player.inventory".equals(c.path("path").asText())) {
      return "inventory " + ("add".equals(op) ? "+ " : "− ") + id;
    }
    if (c.has("npc_id")) {
      return c.path("npc_id").asText() + " changed";
    }
    if (c.has("spot_id")) {
      return switch (op) {
        case "remove" -> id + " left " + c.path("spot_id").asText();
        case "add" -> id + " appeared at " + c.path("spot_id").asText();
        default -> id + " changed";
      };
    }
    if (c.has("path")) {
      JsonNode v = c.path("value");
      return c.path("path").asText() + (v.isValueNode() ? " = " + v.asText() : " updated");
    }
    return op;
  }
}
