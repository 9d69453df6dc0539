package dev.scrying.console.model.world;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The differences between two JSON documents, down to the smallest changed value. Arrays whose
 * elements all carry an {@code instance_id} (spot items, inventories) are matched by that id, so
 * taking one bottle reads as one removal rather than every later item shifting. Pure functions.
 */
public final class JsonDiff {
  private JsonDiff() {}

  public static List<PathChange> between(JsonNode before, JsonNode after) {
    List<PathChange> out = new ArrayList<>();
    diff(before, after, "", "", out);
    return out;
  }

  /**
   * The pointers (in the "after" document) a view should highlight: each changed node, the parent of
   * each removed one, and all their ancestors, so a collapsed branch shows that something inside changed.
   */
  public static Set<String> touchedPointers(List<PathChange> changes) {
    Set<String> out = new LinkedHashSet<>();
    for (PathChange c : changes) {
      String p = c.kind() == PathChange.Kind.REMOVED ? parent(c.pointer()) : c.pointer();
      for (; !p.isEmpty(); p = parent(p)) {
        out.add(p);
      }
      out.add("");
    }
    return out;
  }

  static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  private static void diff(JsonNode a, JsonNode b, String pointer, String path, List<PathChange> out) {
    if (a.equals(b)) {
      return;
    }
    if (a.isObject() && b.isObject()) {
      diffObjects(a, b, pointer, path, out);
    } else if (a.isArray() && b.isArray() && keyed(a) && keyed(b)) {
      diffKeyedArrays(a, b, pointer, path, out);
    } else if (a.isArray() && b.isArray()) {
      diffArrays(a, b, pointer, path, out);
    } else {
      out.add(new PathChange(PathChange.Kind.CHANGED, pointer, path, compact(a), compact(b)));
    }
  }

  private static void diffObjects(JsonNode a, JsonNode b, String pointer, String path, List<PathChange> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String p = pointer + "/" + escape(f.getKey());
      String q = join(path, f.getKey());
      if (!b.has(f.getKey())) {
        out.add(new PathChange(PathChange.Kind.REMOVED, p, q, compact(f.getValue()), ""));
      } else {
        diff(f.getValue(), b.get(f.getKey()), p, q, out);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (!a.has(f.getKey())) {
        out.add(new PathChange(PathChange.Kind.ADDED, pointer + "/" + escape(f.getKey()), join(path, f.getKey()), "",
            compact(f.getValue())));
      }
    }
  }

  private static void diffKeyedArrays(JsonNode a, JsonNode b, String pointer, String path, List<PathChange> out) {
    Map<String, Integer> inB = new HashMap<>();
    for (int i = 0; i < b.size(); i++) {
      inB.put(b.get(i).path("instance_id").asText(), i);
    }
    Map<String, Integer> inA = new HashMap<>();
    for (int i = 0; i < a.size(); i++) {
      String id = a.get(i).path("instance_id").asText();
      inA.put(id, i);
      Integer j = inB.get(id);
      if (j == null) {
        out.add(new PathChange(PathChange.Kind.REMOVED, pointer + "/" + i, path + "[" + id + "]", compact(a.get(i)), ""));
      } else {
        diff(a.get(i), b.get(j), pointer + "/" + j, path + "[" + id + "]", out);
      }
    }
    for (int j = 0; j < b.size(); j++) {
      String id = b.get(j).path("instance_id").asText();
      if (!inA.containsKey(id)) {
        out.add(new PathChange(PathChange.Kind.ADDED, pointer + "/" + j, path + "[" + id + "]", "", compact(b.get(j))));
      }
    }
  }

  private static void diffArrays(JsonNode a, JsonNode b, String pointer, String path, List<PathChange> out) {
    int common = Math.min(a.size(), b.size());
    for (int i = 0; i < common; i++) {
      diff(a.get(i), b.get(i), pointer + "/" + i, path + "[" + i + "]", out);
    }
    for (int i = common; i < a.size(); i++) {
      out.add(new PathChange(PathChange.Kind.REMOVED, pointer + "/" + i, path + "[" + i + "]", compact(a.get(i)), ""));
    }
    for (int i = common; i < b.size(); i++) {
      out.add(new PathChange(PathChange.Kind.ADDED, pointer + "/" + i, path + "[" + i + "]", "", compact(b.get(i))));
    }
  }

  private static boolean keyed(JsonNode array) {
    if (array.isEmpty()) {
      return true;
    }
    for (JsonNode e : array) {
      if (!e.path("instance_id").isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** JSON Pointer escaping (RFC 6901). */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  static String compact(JsonNode n) {
    return n.isTextual() ? n.asText() : n.toString();
  }
}
