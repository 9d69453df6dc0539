package dev.scrying.scenarios.format;

import static dev.scrying.scenarios.format.LocatedDocument.child;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.scenarios.client.LatencyMetric;
import dev.scrying.scenarios.client.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a schema-valid tree into {@link Scenario} records and checks what a schema cannot: that every
 * player a step names is declared (and has joined by then), that regexes compile, that a check on a
 * mirror names a player who has one. Every error carries the line of the offending key. One use per
 * document; not thread-safe.
 */
final class ScenarioReader {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  private static final Map<String, Double> PERCENTILES = Map.of("p50", 50.0, "p75", 75.0, "p90", 90.0, "p95", 95.0,
      "p99", 99.0, "p999", 99.9, "max", 100.0);
  private static final List<String> PREDICATES = List.of("equals", "not_equals", "contains", "not_contains", "length",
      "exists", "matches", "at_least", "at_most");

  private final LocatedDocument doc;
  private final Path source;
  private final Map<String, PlayerSpec> players = new LinkedHashMap<>();
  private final Set<String> joined = new HashSet<>();

  ScenarioReader(LocatedDocument doc, Path source) {
    this.doc = doc;
    this.source = source;
  }

  Scenario read() throws ScenarioFormatException {
    JsonNode root = doc.root();
    readPlayers(root.path("players"));
    List<Step> steps = new ArrayList<>();
    JsonNode list = root.path("steps");
    for (int i = 0; i < list.size(); i++) {
      steps.add(step(list.get(i), child("/steps", i)));
    }
    return new Scenario(root.path("name").asText(), root.path("description").asText(""),
        root.path("experience").asText("wylding-woods"), List.copyOf(players.values()), steps,
        budgets(root.path("budgets")), source);
  }

  // ---- players ---------------------------------------------------------------------------------

  private void readPlayers(JsonNode list) throws ScenarioFormatException {
    for (int i = 0; i < list.size(); i++) {
      JsonNode p = list.get(i);
      String ptr = child("/players", i);
      String id = p.path("id").asText();
      if (id.equals("all")) {
        throw doc.error(child(ptr, "id"), "'all' is reserved (it means every player); choose another id");
      }
      if (players.containsKey(id)) {
        throw doc.error(child(ptr, "id"), "player '" + id + "' is declared twice");
      }
      Set<ConnectionKind> kinds = EnumSet.noneOf(ConnectionKind.class);
      JsonNode c = p.path("connection");
      if (c.isMissingNode()) {
        kinds.add(ConnectionKind.WEBSOCKET);
      } else if (c.isArray()) {
        c.forEach(k -> kinds.add(ConnectionKind.byKey(k.asText())));
      } else {
        kinds.add(ConnectionKind.byKey(c.asText()));
      }
      if (kinds.contains(ConnectionKind.CHAT) && kinds.size() > 1) {
        throw doc.error(child(ptr, "connection"), "'chat' means no persistent connection; it cannot be combined");
      }
      boolean later = p.path("joins").asText("start").equals("later");
      players.put(id, new PlayerSpec(id, kinds, p.path("role").asText("player").equals("admin"), later, doc.line(ptr)));
      if (!later) {
        joined.add(id);
      }
    }
  }

  private PlayerSpec player(String id, String ptr) throws ScenarioFormatException {
    PlayerSpec p = players.get(id);
    if (p == null) {
      throw doc.error(ptr, "unknown player '" + id + "'; declared players: " + String.join(", ", players.keySet()));
    }
    return p;
  }

  private PlayerSpec joinedPlayer(String id, String ptr) throws ScenarioFormatException {
    PlayerSpec p = player(id, ptr);
    if (!joined.contains(id)) {
      throw doc.error(ptr, "player '" + id + "' joins later and has not connected yet at this step (add a 'connect: "
          + id + "' step before)");
    }
    return p;
  }

  // ---- steps -----------------------------------------------------------------------------------

  private Step step(JsonNode n, String ptr) throws ScenarioFormatException {
    String kind = stepKind(n);
    String playerId = n.has("player") ? n.path("player").asText()
        : kind.equals("connect") ? n.path("connect").asText() : players.keySet().iterator().next();
    String playerPtr = n.has("player") ? child(ptr, "player") : ptr;
    Duration timeout = n.has("timeout") ? Durations.parse(n.path("timeout")) : DEFAULT_TIMEOUT;
    String kindPtr = child(ptr, kind);
    if (kind.equals("connect")) {
      return connect(n, ptr, playerId, timeout);
    }
    checkRaceExpectations(n, ptr, kind.equals("race"));
    if (!kind.equals("reset") && !kind.equals("pause") && !kind.equals("fault") && !kind.equals("race")
        && !(kind.equals("wait") && !n.path("wait").has("event"))) {
      joinedPlayer(playerId, playerPtr);
    } else {
      player(playerId, playerPtr);
    }
    List<Expectation> expect = expectations(n.path("expect"), child(ptr, "expect"), playerId);
    StepHeader h = new StepHeader(n.path("name").asText(defaultName(n, kind, playerId)), playerId, timeout, expect,
        doc.line(ptr));
    JsonNode v = n.path(kind);
    return switch (kind) {
      case "command" -> new Step.Command(h, v.asText(), n.has("fields") ? (ObjectNode) n.path("fields").deepCopy()
          : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), via(n, ptr, playerId));
      case "say" -> new Step.Say(h, v.asText(), via(n, ptr, playerId));
      case "chat" -> new Step.Chat(h, v.asText());
      case "gps" -> gps(h, v, kindPtr, playerId);
      case "reset" -> reset(h, v, kindPtr);
      case "wait" -> new Step.Wait(h, waitCondition(v, kindPtr, playerId));
      case "pause" -> new Step.Pause(h, Durations.parse(v));
      case "race" -> new Step.Race(h, racers(v, kindPtr));
      default -> new Step.Fault(h, fault(v, kindPtr));
    };
  }

  private static String stepKind(JsonNode n) {
    for (String k : List.of("command", "say", "chat", "gps", "reset", "connect", "wait", "pause", "fault", "race")) {
      if (n.has(k)) {
        return k;
      }
    }
    throw new IllegalStateException("schema-valid step without a kind");
  }

  /** A race has many answers, so single-answer checks make no sense on it, and winners only on it. */
  private void checkRaceExpectations(JsonNode n, String ptr, boolean race) throws ScenarioFormatException {
    JsonNode e = n.path("expect");
    String expectPtr = child(ptr, "expect");
    if (race) {
      for (String key : List.of("success", "error_code", "response")) {
        if (e.has(key)) {
          throw doc.error(child(expectPtr, key), "'" + key + "' checks one answer; a race has several (use 'winners')");
        }
      }
    } else if (e.has("winners")) {
      throw doc.error(child(expectPtr, "winners"), "'winners' only applies to race steps");
    }
  }

  private List<Step.Racer> racers(JsonNode list, String ptr) throws ScenarioFormatException {
    List<Step.Racer> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode r = list.get(i);
      String p = child(ptr, i);
      String id = r.path("player").asText();
      joinedPlayer(id, child(p, "player"));
      if (!seen.add(id)) {
        throw doc.error(child(p, "player"), "player '" + id + "' races twice; one action per player");
      }
      Step.Racer.Kind kind = r.has("command") ? Step.Racer.Kind.COMMAND : r.has("say") ? Step.Racer.Kind.SAY
          : Step.Racer.Kind.CHAT;
      String text = r.path(kind.name().toLowerCase()).asText();
      ObjectNode fields = r.has("fields") ? (ObjectNode) r.path("fields").deepCopy()
          : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      out.add(new Step.Racer(id, kind, text, fields));
    }
    return out;
  }

  private Step connect(JsonNode n, String ptr, String id, Duration timeout) throws ScenarioFormatException {
    PlayerSpec p = player(id, child(ptr, "connect"));
    if (!p.joinsLater()) {
      throw doc.error(child(ptr, "connect"), "player '" + id + "' connects at the start; declare it with 'joins: later'");
    }
    if (!joined.add(id)) {
      throw doc.error(child(ptr, "connect"), "player '" + id + "' has already connected");
    }
    List<Expectation> expect = expectations(n.path("expect"), child(ptr, "expect"), id);
    return new Step.Connect(new StepHeader(n.path("name").asText(id + " joins"), id, timeout, expect, doc.line(ptr)));
  }

  private Step.Via via(JsonNode n, String ptr, String playerId) throws ScenarioFormatException {
    Step.Via via = switch (n.path("via").asText("auto")) {
      case "websocket" -> Step.Via.WEBSOCKET;
      case "http" -> Step.Via.HTTP;
      default -> Step.Via.AUTO;
    };
    if (via == Step.Via.WEBSOCKET && !players.get(playerId).hasWebSocket()) {
      throw doc.error(child(ptr, "via"), "player '" + playerId + "' has no WebSocket connection");
    }
    return via;
  }

  private Step gps(StepHeader h, JsonNode v, String ptr, String playerId) throws ScenarioFormatException {
    if (!players.get(playerId).hasWebSocket()) {
      throw doc.error(ptr, "GPS updates go over the WebSocket; player '" + playerId + "' has none");
    }
    return v.has("zone") ? new Step.Gps(h, v.path("zone").asText(), Double.NaN, Double.NaN)
        : new Step.Gps(h, null, v.path("lat").asDouble(), v.path("lng").asDouble());
  }

  private Step reset(StepHeader h, JsonNode v, String ptr) throws ScenarioFormatException {
    String scope = v.isTextual() ? v.asText() : v.path("scope").asText();
    String target = v.path("target").isTextual() ? v.path("target").asText() : null;
    boolean needsTarget = scope.equals("player") || scope.equals("commit");
    if (needsTarget != (target != null)) {
      throw doc.error(ptr, needsTarget ? "reset scope '" + scope + "' needs a 'target'" : "reset scope '" + scope
          + "' takes no 'target'");
    }
    return new Step.Reset(h, scope, target);
  }

  private WaitCondition waitCondition(JsonNode v, String ptr, String playerId) throws ScenarioFormatException {
    if (v.has("event")) {
      Map<String, JsonNode> where = new LinkedHashMap<>();
      v.path("where").fields().forEachRemaining(e -> where.put(e.getKey(), e.getValue()));
      return new WaitCondition.ForEvent(v.path("event").asText(), transport(v.path("transport")), where);
    }
    if (v.has("state")) {
      return new WaitCondition.ForState(stateCheck(v.path("state"), child(ptr, "state")).get(0));
    }
    if (v.has("status")) {
      JsonNode s = v.path("status");
      return new WaitCondition.ForStatus(s.path("path").asText(), predicates(s, child(ptr, "status")).get(0));
    }
    return new WaitCondition.ForConvergence(selection(v.path("converged"), child(ptr, "converged"), playerId, true));
  }

  private FaultAction fault(JsonNode v, String ptr) throws ScenarioFormatException {
    if (v.has("nats")) {
      return v.path("nats").asText().equals("stop") ? new FaultAction.NatsStop() : new FaultAction.NatsStart();
    }
    if (v.has("narrator_slowdown")) {
      return new FaultAction.SlowNarrator(v.path("narrator_slowdown").asDouble());
    }
    String key = v.has("cut") ? "cut" : v.has("disconnect") ? "disconnect" : "reconnect";
    String id = v.path(key).asText();
    PlayerSpec p = joinedPlayer(id, child(ptr, key));
    if (!p.hasMirror()) {
      throw doc.error(child(ptr, key), "player '" + id + "' has no persistent connection to " + key);
    }
    return switch (key) {
      case "cut" -> new FaultAction.Cut(id, v.path("reconnect_after").asBoolean(false));
      case "disconnect" -> new FaultAction.Disconnect(id);
      default -> new FaultAction.Reconnect(id);
    };
  }

  private static String defaultName(JsonNode n, String kind, String player) {
    JsonNode v = n.path(kind);
    return switch (kind) {
      case "command" -> {
        StringBuilder sb = new StringBuilder(player + ": " + v.asText());
        n.path("fields").elements().forEachRemaining(f -> sb.append(' ').append(f.asText()));
        yield sb.toString();
      }
      case "say" -> player + " says \"" + v.asText() + "\"";
      case "chat" -> player + " chats \"" + v.asText() + "\"";
      case "gps" -> player + " walks to " + (v.has("zone") ? v.path("zone").asText() : v.path("lat") + "," + v.path("lng"));
      case "reset" -> "reset " + (v.isTextual() ? v.asText() : v.path("scope").asText() + " " + v.path("target").asText(""))
          .strip();
      case "pause" -> "pause " + v.asText();
      case "race" -> {
        List<String> who = new ArrayList<>();
        v.forEach(r -> who.add(r.path("player").asText()));
        yield "race: " + String.join(" vs ", who);
      }
      case "wait" -> "wait for " + (v.has("event") ? player + " to receive " + v.path("event").asText()
          : v.has("converged") ? "mirrors to converge" : v.has("status") ? "status " + v.path("status").path("path").asText()
          : "state");
      default -> "fault " + v.toString().replaceAll("[{}\"]", "");
    };
  }

  // ---- expectations ----------------------------------------------------------------------------

  private List<Expectation> expectations(JsonNode e, String ptr, String stepPlayer) throws ScenarioFormatException {
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
      joinedPlayer(entry.getKey(), p);
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

  private List<Expectation.State> stateCheck(JsonNode s, String ptr) throws ScenarioFormatException {
    String player = s.has("player") ? s.path("player").asText() : null;
    String path = player == null ? s.path("world").asText() : s.path("path").asText();
    StateSource from = s.path("from").asText("server").equals("mirror") ? StateSource.MIRROR : StateSource.SERVER;
    if (player != null) {
      PlayerSpec p = player(player, child(ptr, "player"));
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

  private List<ValueCheck> predicates(JsonNode n, String ptr) throws ScenarioFormatException {
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

  private PlayerSelection selection(JsonNode v, String ptr, String stepPlayer, boolean needsMirror)
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
      PlayerSpec p = joinedPlayer(id, ptr);
      if (needsMirror && !p.hasMirror()) {
        throw doc.error(ptr, "player '" + id + "' has no mirror (no websocket or events connection)");
      }
    }
    return PlayerSelection.of(ids);
  }

  private List<Budget> budgets(JsonNode b) {
    List<Budget> out = new ArrayList<>();
    for (var it = b.fields(); it.hasNext(); ) {
      var metric = it.next();
      LatencyMetric m = LatencyMetric.byKey(metric.getKey()).orElseThrow();
      for (var p = metric.getValue().fields(); p.hasNext(); ) {
        var bound = p.next();
        out.add(new Budget(m, bound.getKey(), PERCENTILES.get(bound.getKey()), bound.getValue().asDouble(),
            doc.line(child(child("/budgets", metric.getKey()), bound.getKey()))));
      }
    }
    return out;
  }

  private void compile(String regex, String ptr) throws ScenarioFormatException {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw doc.error(ptr, "invalid regex: " + e.getDescription());
    }
  }

  private static Transport transport(JsonNode v) {
    return switch (v.asText("")) {
      case "websocket" -> Transport.WEBSOCKET;
      case "chat" -> Transport.CHAT_SSE;
      case "events" -> Transport.EVENTS_SSE;
      case "http" -> Transport.HTTP;
      default -> null;
    };
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
