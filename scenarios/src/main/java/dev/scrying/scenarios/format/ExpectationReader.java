package dev.scrying.scenarios.format;

import static dev.scrying.scenarios.format.LocatedDocument.child;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.scenarios.client.Transport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a step's {@code expect:} block (and the checks wait steps share with it) into
 * {@link Expectation} records, checking players, mirrors and regexes. One use per document; not
 * thread-safe.
 */
final class ExpectationReader {
  private static final List<String> PREDICATES = List.of("equals", "not_equals", "contains", "not_contains", "length",
      "exists", "matches", "at_least", "at_most");

  private final LocatedDocument doc;
  private final PlayerRoster roster;

  ExpectationReader(LocatedDocument doc, PlayerRoster roster) {
    this.doc = doc;
    this.roster = roster;
  }

  List<Expectation> read(JsonNode e, String ptr, String stepPlayer) throws ScenarioFormatException {
    List<Expectation> out = new ArrayList<>();
    if (e.isMissingNode()) {
      return out;
    }
    if (e.has("success")) {
      out.add(new Expectation.Success(e.path("success").asBoolean(), doc.line(child(ptr, "success"))));
    }
    if (e.has("error_code")) {
      out.add(new Expectation.ErrorCode(e.path("error_code").asText(), doc.line(child(ptr, "error_code"))));
    }
    if (e.has("message")) {
      out.addAll(messages(e.path("message"), child(ptr, "message")));
    }
    JsonNode response = e.path("response");
    for (int i = 0; i < response.size(); i++) {
      String p = child(child(ptr, "response"), i);
      for (ValueCheck c : predicates(response.get(i), p)) {
        out.add(new Expectation.Response(response.get(i).path("path").asText(), c, doc.line(p)));
      }
    }
    JsonNode state = e.path("state");
    for (int i = 0; i < state.size(); i++) {
      out.addAll(stateCheck(state.get(i), child(child(ptr, "state"), i)));
    }
    for (var it = e.path("events").fields(); it.hasNext(); ) {
      var entry = it.next();
      String p = child(child(ptr, "events"), entry.getKey());
      roster.joinedPlayer(entry.getKey(), p);
      out.add(new Expectation.Events(entry.getKey(), eventSpec(entry.getValue()), doc.line(p)));
    }
    if (e.has("winners")) {
      out.add(new Expectation.Winners(e.path("winners").asInt(), doc.line(child(ptr, "winners"))));
    }
    if (e.has("mirror_matches_server")) {
      String p = child(ptr, "mirror_matches_server");
      out.add(new Expectation.MirrorMatchesServer(selection(e.path("mirror_matches_server"), p, stepPlayer, true),
          doc.line(p)));
    }
    return out;
  }

  private List<Expectation> messages(JsonNode m, String ptr) throws ScenarioFormatException {
    List<Expectation> out = new ArrayList<>();
    if (m.isTextual()) {
      out.add(new Expectation.Message(new TextMatch(TextMatch.Kind.CONTAINS, m.asText()), doc.line(ptr)));
      return out;
    }
    for (var it = m.fields(); it.hasNext(); ) {
      var f = it.next();
      TextMatch.Kind kind = TextMatch.Kind.valueOf(f.getKey().toUpperCase());
      if (kind == TextMatch.Kind.REGEX) {
        compile(f.getValue().asText(), child(ptr, f.getKey()));
      }
      out.add(new Expectation.Message(new TextMatch(kind, f.getValue().asText()), doc.line(child(ptr, f.getKey()))));
    }
    return out;
  }

  List<Expectation.State> stateCheck(JsonNode s, String ptr) throws ScenarioFormatException {
    String player = s.has("player") ? s.path("player").asText() : null;
    String path = player == null ? s.path("world").asText() : s.path("path").asText();
    StateSource from = s.path("from").asText("server").equals("mirror") ? StateSource.MIRROR : StateSource.SERVER;
    if (player != null) {
      PlayerSpec p = roster.player(player, child(ptr, "player"));
      if (from == StateSource.MIRROR && !p.hasMirror()) {
        throw doc.error(child(ptr, "from"), "player '" + player + "' has no mirror (no websocket or events connection)");
      }
    }
    List<Expectation.State> out = new ArrayList<>();
    for (ValueCheck c : predicates(s, ptr)) {
      out.add(new Expectation.State(player, path, from, c, doc.line(ptr)));
    }
    return out;
  }

  List<ValueCheck> predicates(JsonNode n, String ptr) throws ScenarioFormatException {
    List<ValueCheck> out = new ArrayList<>();
    for (String key : PREDICATES) {
      if (n.has(key)) {
        if (key.equals("matches")) {
          compile(n.path(key).asText(), child(ptr, key));
        }
        out.add(new ValueCheck(ValueCheck.Kind.byKey(key), n.path(key).deepCopy()));
      }
    }
    if (out.isEmpty()) {
      throw doc.error(ptr, "a check needs a predicate: one of " + String.join(", ", PREDICATES));
    }
    return out;
  }

  private EventSpec eventSpec(JsonNode v) {
    if (v.isArray()) {
      return new EventSpec(texts(v), List.of(), List.of(), Map.of(), null);
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    v.path("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
    return new EventSpec(texts(v.path("order")), texts(v.path("includes")), texts(v.path("excludes")), counts,
        transport(v.path("transport")));
  }

  PlayerSelection selection(JsonNode v, String ptr, String stepPlayer, boolean needsMirror)
      throws ScenarioFormatException {
    if (v.isBoolean()) {
      return checkedSelection(List.of(stepPlayer), ptr, needsMirror);
    }
    if (v.isTextual() && v.asText().equals("all")) {
      return PlayerSelection.everyone();
    }
    return checkedSelection(v.isTextual() ? List.of(v.asText()) : texts(v), ptr, needsMirror);
  }

  private PlayerSelection checkedSelection(List<String> ids, String ptr, boolean needsMirror) throws ScenarioFormatException {
    for (String id : ids) {
      PlayerSpec p = roster.joinedPlayer(id, ptr);
      if (needsMirror && !p.hasMirror()) {
        throw doc.error(ptr, "player '" + id + "' has no mirror (no websocket or events connection)");
      }
    }
    return PlayerSelection.of(ids);
  }

  private void compile(String regex, String ptr) throws ScenarioFormatException {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw doc.error(ptr, "invalid regex: " + e.getDescription());
    }
  }

  static Transport transport(JsonNode v) {
    return switch (v.asText("")) {
      case "websocket" -> Transport.WEBSOCKET;
      case "chat" -> Transport.CHAT_SSE;
      case "events" -> Transport.EVENTS_SSE;
      case "http" -> Transport.HTTP;
      default -> null;
    };
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
