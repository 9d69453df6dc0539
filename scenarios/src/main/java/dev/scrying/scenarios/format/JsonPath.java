package dev.scrying.scenarios.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Dotted paths into JSON, as scenario files write them: {@code npcs.louisa.state.bottles_collected},
 * {@code player.inventory[0].instance_id} (or {@code player.inventory.0.instance_id}). Pure functions.
 */
public final class JsonPath {
  private JsonPath() {}

  /** The node at {@code path}, or a missing node. An empty path is the node itself. */
  public static JsonNode resolve(JsonNode root, String path) {
    JsonNode node = root;
    for (String segment : segments(path)) {
      if (node.isArray() && segment.chars().allMatch(Character::isDigit)) {
        node = node.path(Integer.parseInt(segment));
      } else if (node.isObject()) {
        node = node.path(segment);
      } else {
        return MissingNode.getInstance();
      }
    }
    return node;
  }

  /** Splits {@code a.b[2].c} into {@code [a, b, 2, c]}. */
  static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String part : path.split("\\.")) {
      if (part.isEmpty()) {
        continue;
      }
      int bracket = part.indexOf('[');
      if (bracket < 0) {
        out.add(part);
        continue;
      }
      if (bracket > 0) {
        out.add(part.substring(0, bracket));
      }
      for (String idx : part.substring(bracket).split("[\\[\\]]")) {
        if (!idx.isEmpty()) {
          out.add(idx);
        }
      }
    }
    return out;
  }
}
