package dev.scrying.console.model.world;

import java.util.List;

/**
 * One node of the world tree: {@code pointer} is its JSON Pointer in the world document (the key the
 * view uses to flash and inspect it), {@code label} what people call it, {@code value} a short detail.
 */
public record WorldNode(String pointer, String label, String value, Kind kind, List<WorldNode> children) {

  public WorldNode {
    children = List.copyOf(children);
  }

  /** What the node is, for its icon. */
  public enum Kind { ROOT, SECTION, ZONE, AREA, SPOT, ITEM, NPC, FIELD }
}
