package dev.scrying.scenarios.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The paths where two JSON trees differ, for humans reading a failed comparison. Pure functions. */
public final class JsonDifferences {
  private static final int VALUE_CHARS = 120;

  private JsonDifferences() {}

  /** At most {@code limit} lines {@code path: left=… right=…}; empty when the trees are equal. */
  public static List<String> between(JsonNode left, JsonNode right, String leftName, String rightName, int limit) {
    List<String> out = new ArrayList<>();
    walk("", left, right, leftName, rightName, out, limit);
    return out;
  }

  private static void walk(String path, JsonNode a, JsonNode b, String an, String bn, List<String> out, int limit) {
    if (out.size() >= limit || a.equals(b)) {
      return;
    }
    if (a.isObject() && b.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        walk(path.isEmpty() ? k : path + "." + k, a.path(k), b.path(k), an, bn, out, limit);
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      Iterator<JsonNode> ia = a.elements();
      Iterator<JsonNode> ib = b.elements();
      for (int i = 0; ia.hasNext(); i++) {
        walk(path + "[" + i + "]", ia.next(), ib.next(), an, bn, out, limit);
      }
    } else {
      out.add((path.isEmpty() ? "(root)" : path) + ": " + an + "=" + shorten(a) + " " + bn + "=" + shorten(b));
    }
  }

  private static String shorten(JsonNode n) {
    String s = n.isMissingNode() ? "(absent)" : n.toString();
    return s.length() > VALUE_CHARS ? s.substring(0, VALUE_CHARS) + "…" : s;
  }
}
