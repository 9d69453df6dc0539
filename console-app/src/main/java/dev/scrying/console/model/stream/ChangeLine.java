package dev.scrying.console.model.stream;

import java.util.List;

/** One change of a {@code world_update} from its scalar fields, worded like {@code ChangeSummary}. */
final class ChangeLine {
  private static final int MAX_SHOWN = 3;

  private String operation = "";
  private String path;
  private String instance = "";
  private String spot;
  private String npc;
  private String value;

  void set(String field, String v) {
    switch (field) {
      case "operation" -> operation = v == null ? "" : v;
      case "path" -> path = v;
      case "instance_id" -> instance = v == null ? "" : v;
      case "spot_id" -> spot = v;
      case "npc_id" -> npc = v;
      case "value" -> value = v;
      default -> { }
    }
  }

  String text() {
    if (operation.equals("replace")) {
      return "view replaced";
    }
    if ("player.inventory".equals(path)) {
      return "inventory " + (operation.equals("add") ? "+ " : "− ") + instance;
    }
    if (npc != null) {
      return npc + " changed";
    }
    if (spot != null) {
      return switch (operation) {
        case "remove" -> instance + " left " + spot;
        case "add" -> instance + " appeared at " + spot;
        default -> instance + " changed";
      };
    }
    if (path != null) {
      return path + (value == null ? " updated" : " = " + value);
    }
    return operation;
  }

  static String join(List<String> changes) {
    if (changes.isEmpty()) {
      return "no changes";
    }
    if (changes.size() <= MAX_SHOWN) {
      return String.join(", ", changes);
    }
    return String.join(", ", changes.subList(0, MAX_SHOWN)) + ", +" + (changes.size() - MAX_SHOWN) + " more";
  }
}
