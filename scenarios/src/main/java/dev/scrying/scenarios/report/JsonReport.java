package dev.scrying.scenarios.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.Latencies;
import dev.scrying.scenarios.run.AssertionResult;
import dev.scrying.scenarios.run.LatencySummary;
import dev.scrying.scenarios.run.MetricStats;
import dev.scrying.scenarios.run.ScenarioResult;
import dev.scrying.scenarios.run.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine-readable report: every scenario, step and assertion, the latency percentiles and
 * histograms (per scenario and over the whole run), frame summaries for every step and full frames
 * around each failure. Stateless.
 */
public final class JsonReport {
  private JsonReport() {}

  public static void write(List<ScenarioResult> results, Path file) throws IOException {
    Files.writeString(file, Json.pretty(tree(results)));
  }

  public static ObjectNode tree(List<ScenarioResult> results) {
    ObjectNode root = Json.object().put("generated_at", java.time.Instant.now().toString())
        .put("passed", results.stream().allMatch(ScenarioResult::passed))
        .put("scenarios_run", results.size())
        .put("scenarios_failed", results.stream().filter(r -> !r.passed()).count());
    root.set("latency", latency(LatencySummary.of(Latencies.merged(results.stream().map(ScenarioResult::samples).toList()))));
    ArrayNode list = root.putArray("scenarios");
    results.forEach(r -> list.add(scenario(r)));
    return root;
  }

  private static ObjectNode scenario(ScenarioResult r) {
    ObjectNode o = Json.object().put("name", r.name()).put("file", r.source().toString()).put("passed", r.passed())
        .put("end_state", r.endState().name().toLowerCase()).put("started_at_ms", r.startedAtMillis())
        .put("duration_ms", r.durationMillis());
    ArrayNode steps = o.putArray("steps");
    r.steps().forEach(s -> steps.add(step(s)));
    o.set("final_checks", assertions(r.finalChecks()));
    o.set("budgets", assertions(r.budgets()));
    o.set("latency", latency(r.latency()));
    return o;
  }

  private static ObjectNode step(StepResult s) {
    ObjectNode o = Json.object().put("index", s.index()).put("name", s.name()).put("kind", s.kind())
        .put("player", s.player()).put("line", s.line()).put("status", s.status().name().toLowerCase())
        .put("started_at_us", s.startedAtMicros()).put("duration_ms", s.durationMillis());
    o.set("assertions", assertions(s.assertions()));
    ArrayNode frames = o.putArray("frames");
    s.frames().forEach(f -> frames.add(summary(f)));
    return o;
  }

  private static ArrayNode assertions(List<AssertionResult> list) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (AssertionResult a : list) {
      ObjectNode o = out.addObject().put("description", a.description()).put("passed", a.passed())
          .put("detail", a.detail()).put("line", a.line());
      if (!a.context().isEmpty()) {
        ArrayNode ctx = o.putArray("context");
        a.context().forEach(f -> ctx.add(summary(f).set("json", f.json())));
      }
    }
    return out;
  }

  private static ObjectNode summary(Frame f) {
    return Json.object().put("at_us", f.epochMicros()).put("user_id", f.userId())
        .put("transport", f.transport().name().toLowerCase()).put("direction", f.direction().name().toLowerCase())
        .put("type", f.type());
  }

  static ObjectNode latency(LatencySummary summary) {
    ObjectNode out = Json.object();
    for (MetricStats m : summary.inOrder()) {
      ObjectNode o = out.putObject(m.metric().key()).put("count", m.count()).put("min_ms", m.min())
          .put("mean_ms", m.mean()).put("p50_ms", m.p50()).put("p90_ms", m.p90()).put("p95_ms", m.p95())
          .put("p99_ms", m.p99()).put("p999_ms", m.p999()).put("max_ms", m.max());
      ArrayNode buckets = o.putArray("histogram");
      m.buckets().forEach(b -> buckets.addObject()
          .put("up_to_ms", Double.isInfinite(b.upToMillis()) ? null : b.upToMillis()).put("count", b.count()));
    }
    return out;
  }
}
