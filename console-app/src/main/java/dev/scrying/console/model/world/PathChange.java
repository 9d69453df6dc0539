package dev.scrying.console.model.world;

/**
 * One difference between two JSON documents. {@code pointer} is a JSON Pointer into the document
 * that has the node (the "after" one, or the "before" one for a removal); {@code path} is the same
 * place for people, with items named by instance id; values are compact JSON ("" when absent).
 */
public record PathChange(Kind kind, String pointer, String path, String before, String after) {

  /** What happened at the path. */
  public enum Kind {
    ADDED("added"),
    REMOVED("removed"),
    CHANGED("changed");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
