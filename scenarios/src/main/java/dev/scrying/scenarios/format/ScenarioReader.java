package dev.scrying.scenarios.format;

import static dev.scrying.scenarios.format.LocatedDocument.child;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.scenarios.client.LatencyMetric;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  private final LocatedDocument doc;
  private final Path source;
  private final PlayerRoster roster;
  private final ExpectationReader expectations;

  ScenarioReader(LocatedDocument doc, Path source) throws ScenarioFormatException {
    this.doc = doc;
    this.source = source;
    this.roster = PlayerRoster.read(doc);
    this.expectations = new ExpectationReader(doc, roster);
  }

  Scenario read() throws ScenarioFormatException {
    JsonNode root = doc.root();
    List<Step> steps = new ArrayList<>();
    JsonNode list = root.path("steps");
    for (int i = 0; i < list.size(); i++) {
      steps.add(step(list.get(i), child("/steps", i)));
    }
    return new Scenario(root.path("name").asText(), root.path("description").asText(""),
        root.path("experience").asText("wylding-woods"), roster.all(), steps,
        budgets(root.path("budgets")), source);
  }

  // ---- players ---------------------------------------------------------------------------------

  // ---- steps -----------------------------------------------------------------------------------

  private Step step(JsonNode n, String ptr) throws ScenarioFormatException {
    String kind = stepKind(n);
    String playerId = n.has("player") ? n.path("player").asText()
        : kind.equals("connect") ? n.path("connect").asText() : roster.first();
    String playerPtr = n.has("player") ? child(ptr, "player") : ptr;
    Duration timeout = n.has("timeout") ? Durations.parse(n.path("timeout")) : DEFAULT_TIMEOUT;
    String kindPtr = child(ptr, kind);
    if (kind.equals("connect")) {
      return connect(n, ptr, playerId, timeout);
    }
    checkRaceExpectations(n, ptr, kind.equals("race"));
    if (!kind.equals("reset") && !kind.equals("pause") && !kind.equals("fault") && !kind.equals("race")
        && !(kind.equals("wait") && !n.path("wait").has("event"))) {
      roster.joinedPlayer(playerId, playerPtr);
    } else {
      roster.player(playerId, playerPtr);
    }
    List<Expectation> expect = expectations.read(n.path("expect"), child(ptr, "expect"), playerId);
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
      roster.joinedPlayer(id, child(p, "player"));
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
    PlayerSpec p = roster.player(id, child(ptr, "connect"));
    if (!p.joinsLater()) {
      throw doc.error(child(ptr, "connect"), "player '" + id + "' connects at the start; declare it with 'joins: later'");
    }
    if (!roster.join(id)) {
      throw doc.error(child(ptr, "connect"), "player '" + id + "' has already connected");
    }
    List<Expectation> expect = expectations.read(n.path("expect"), child(ptr, "expect"), id);
    return new Step.Connect(new StepHeader(n.path("name").asText(id + " joins"), id, timeout, expect, doc.line(ptr)));
  }

  private Step.Via via(JsonNode n, String ptr, String playerId) throws ScenarioFormatException {
    Step.Via via = switch (n.path("via").asText("auto")) {
      case "websocket" -> Step.Via.WEBSOCKET;
      case "http" -> Step.Via.HTTP;
      default -> Step.Via.AUTO;
    };
    if (via == Step.Via.WEBSOCKET && !roster.spec(playerId).hasWebSocket()) {
      throw doc.error(child(ptr, "via"), "player '" + playerId + "' has no WebSocket connection");
    }
    return via;
  }

  private Step gps(StepHeader h, JsonNode v, String ptr, String playerId) throws ScenarioFormatException {
    if (!roster.spec(playerId).hasWebSocket()) {
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
      return new WaitCondition.ForEvent(v.path("event").asText(), ExpectationReader.transport(v.path("transport")), where);
    }
    if (v.has("state")) {
      return new WaitCondition.ForState(expectations.stateCheck(v.path("state"), child(ptr, "state")).get(0));
    }
    if (v.has("status")) {
      JsonNode s = v.path("status");
      return new WaitCondition.ForStatus(s.path("path").asText(), expectations.predicates(s, child(ptr, "status")).get(0));
    }
    return new WaitCondition.ForConvergence(expectations.selection(v.path("converged"), child(ptr, "converged"), playerId, true));
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
    PlayerSpec p = roster.joinedPlayer(id, child(ptr, key));
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

}
