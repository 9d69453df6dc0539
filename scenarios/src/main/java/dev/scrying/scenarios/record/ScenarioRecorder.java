package dev.scrying.scenarios.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.scrying.scenarios.client.ActionResult;
import dev.scrying.scenarios.client.ChatResult;
import dev.scrying.scenarios.format.ConnectionKind;
import dev.scrying.scenarios.format.Scenario;
import dev.scrying.scenarios.format.ScenarioFormatException;
import dev.scrying.scenarios.format.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a session played by hand (as the console issues it: players joining, structured commands,
 * free text, chat messages, GPS updates, resets) into a scenario file that replays it. Each recorded
 * step gets the expectations its outcome supports, so a replay fails where the game behaves
 * differently: success and exact message for commands; for chat, whether the world changed (the
 * narration itself varies between runs); the zone for GPS. Thread-safe; steps are kept in call order.
 */
public final class ScenarioRecorder {
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String name;
  private final String experience;
  private final Map<String, ObjectNode> players = new LinkedHashMap<>();
  private final ArrayNode steps = NODES.arrayNode();

  public ScenarioRecorder(String name, String experience) {
    this.name = name;
    this.experience = experience;
  }

  /**
   * A player taking part. Players declared before the first step connect at the start of the replay;
   * later ones get {@code joins: later} and a {@code connect} step at this point.
   */
  public synchronized void player(String id, Set<ConnectionKind> connections, boolean admin) {
    if (players.containsKey(id)) {
      return;
    }
    ObjectNode p = NODES.objectNode().put("id", id);
    if (!connections.equals(Set.of(ConnectionKind.WEBSOCKET))) {
      ArrayNode kinds = p.putArray("connection");
      connections.stream().sorted().forEach(k -> kinds.add(k.key()));
    }
    if (admin) {
      p.put("role", "admin");
    }
    if (!steps.isEmpty()) {
      p.put("joins", "later");
      steps.addObject().put("connect", id);
    }
    players.put(id, p);
  }

  /** An admin reset ({@code scope} experience, world, player or commit; {@code target} for the last two). */
  public synchronized void reset(String scope, @Nullable String target, boolean succeeded) {
    ObjectNode step = steps.addObject();
    if (target == null) {
      step.put("reset", scope);
    } else {
      step.putObject("reset").put("scope", scope).put("target", target);
    }
    step.putObject("expect").put("success", succeeded);
  }

  /** A structured command and, if known, how the server answered it. */
  public synchronized void command(String player, String action, Map<String, ?> fields, @Nullable ActionResult result) {
    ObjectNode step = steps.addObject().put("command", action).put("player", player);
    if (!fields.isEmpty()) {
      ObjectNode f = step.putObject("fields");
      fields.forEach((k, v) -> f.set(k, valueNode(v)));
    }
    expectAnswer(step, result);
  }

  /** Free text sent as an action. */
  public synchronized void say(String player, String text, @Nullable ActionResult result) {
    expectAnswer(steps.addObject().put("say", text).put("player", player), result);
  }

  /** A chat message and, if known, its stream. */
  public synchronized void chat(String player, String message, @Nullable ChatResult result) {
    ObjectNode step = steps.addObject().put("chat", message).put("player", player);
    if (result != null) {
      ObjectNode expect = step.putObject("expect").put("success", result.success());
      ObjectNode events = expect.putObject("events").putObject(player).put("transport", "chat");
      if (result.changedWorld()) {
        events.putArray("order").add("world_update").add("content");
      } else {
        events.putArray("excludes").add("world_update");
      }
    }
  }

  /** A GPS update and, if known, the area_of_interest that answered it. */
  public synchronized void gps(String player, double lat, double lng, @Nullable JsonNode areaOfInterest) {
    ObjectNode step = steps.addObject();
    step.putObject("gps").put("lat", lat).put("lng", lng);
    step.put("player", player);
    if (areaOfInterest != null && areaOfInterest.path("zone").path("id").isTextual()) {
      ObjectNode expect = step.putObject("expect").put("success", true);
      expect.putArray("state").addObject().put("player", player).put("path", "zone.id").put("from", "mirror")
          .put("equals", areaOfInterest.path("zone").path("id").asText());
    }
  }

  /** The scenario as YAML, with the schema hint editors understand. */
  public synchronized String toYaml() {
    ObjectNode root = NODES.objectNode().put("name", name).put("experience", experience);
    root.put("description", "Recorded in the Scrying console.");
    ArrayNode list = root.putArray("players");
    players.values().forEach(list::add);
    root.set("steps", steps.deepCopy());
    try {
      return "# yaml-language-server: $schema=src/main/resources/dev/scrying/scenarios/format/scenario.schema.json\n"
          + YAML.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recording as a validated scenario (what a replay will run). */
  public Scenario toScenario(Path asFile) throws ScenarioFormatException {
    return ScenarioLoader.parse(toYaml(), asFile);
  }

  /** Validates the recording, then writes it to {@code file}. */
  public void save(Path file) throws IOException, ScenarioFormatException {
    String yaml = toYaml();
    ScenarioLoader.parse(yaml, file);
    Files.writeString(file, yaml);
  }

  private static void expectAnswer(ObjectNode step, @Nullable ActionResult result) {
    if (result == null) {
      return;
    }
    ObjectNode expect = step.putObject("expect").put("success", result.success());
    if (result.errorCode() != null) {
      expect.put("error_code", result.errorCode());
    } else if (!result.message().isBlank()) {
      expect.putObject("message").put("equals", result.message());
    }
  }

  private static JsonNode valueNode(Object v) {
    if (v instanceof Number n) {
      return n instanceof Double || n instanceof Float ? NODES.numberNode(n.doubleValue()) : NODES.numberNode(n.longValue());
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    return NODES.textNode(String.valueOf(v));
  }
}
