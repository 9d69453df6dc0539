package dev.scrying.scenarios.format;

import static dev.scrying.scenarios.format.LocatedDocument.child;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads scenario files: YAML (with line numbers) → JSON Schema (draft 2020-12, {@link #SCHEMA_RESOURCE})
 * → semantic checks → {@link Scenario}. Any problem is a {@link ScenarioFormatException} naming the file,
 * the line and the reason, raised before anything runs. Stateless and thread-safe.
 */
public final class ScenarioLoader {
  /** The class-path location of the JSON Schema of the format. */
  public static final String SCHEMA_RESOURCE = SchemaValidation.RESOURCE;

  private static final List<String> STEP_KINDS = List.of("command", "say", "chat", "gps", "reset", "connect", "wait",
      "pause", "fault", "race");
  private static final List<String> FAULT_KINDS = List.of("nats", "cut", "disconnect", "reconnect", "narrator_slowdown");
  private static final List<String> WAIT_KINDS = List.of("event", "state", "status", "converged");

  private ScenarioLoader() {}

  public static Scenario load(Path file) throws ScenarioFormatException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioFormatException(file.toString(), 1, 1, "cannot read the file: " + e);
    }
    return parse(text, file);
  }

  /** Parses {@code text} as if it were the file {@code source} (used in errors and reports). */
  public static Scenario parse(String text, Path source) throws ScenarioFormatException {
    LocatedDocument doc = YamlReader.read(source.toString(), text);
    if (!doc.root().isObject()) {
      throw doc.error("", "a scenario is a YAML mapping with name, players and steps");
    }
    checkKinds(doc);
    SchemaValidation.check(doc);
    return new ScenarioReader(doc, source).read();
  }

  /** Loads every file, or fails on the first bad one: nothing runs unless all of them are valid. */
  public static List<Scenario> loadAll(List<Path> files) throws ScenarioFormatException {
    List<Scenario> out = new ArrayList<>();
    for (Path f : files) {
      out.add(load(f));
    }
    return out;
  }

  /** Every problem across {@code files} (one per file at most), for tools that list them all. */
  public static List<ScenarioFormatException> problems(List<Path> files) {
    List<ScenarioFormatException> out = new ArrayList<>();
    for (Path f : files) {
      try {
        load(f);
      } catch (ScenarioFormatException e) {
        out.add(e);
      }
    }
    return out;
  }

  /** "Exactly one of" for steps, faults and waits, with a clearer message than the schema's oneOf. */
  private static void checkKinds(LocatedDocument doc) throws ScenarioFormatException {
    JsonNode steps = doc.root().path("steps");
    for (int i = 0; i < steps.size(); i++) {
      String ptr = child("/steps", i);
      JsonNode step = steps.get(i);
      if (!step.isObject()) {
        continue;
      }
      exactlyOne(doc, step, ptr, STEP_KINDS, "a step");
      if (step.path("fault").isObject()) {
        exactlyOne(doc, step.path("fault"), child(ptr, "fault"), FAULT_KINDS, "a fault");
      }
      if (step.path("wait").isObject()) {
        exactlyOne(doc, step.path("wait"), child(ptr, "wait"), WAIT_KINDS, "a wait");
      }
    }
  }

  private static void exactlyOne(LocatedDocument doc, JsonNode node, String ptr, List<String> keys, String what)
      throws ScenarioFormatException {
    List<String> present = keys.stream().filter(node::has).toList();
    if (present.size() == 1) {
      return;
    }
    if (present.isEmpty()) {
      throw doc.error(ptr, what + " needs exactly one of: " + String.join(", ", keys));
    }
    throw doc.error(child(ptr, present.get(1)), what + " has both '" + present.get(0) + "' and '" + present.get(1)
        + "'; split it into separate steps");
  }
}
