package dev.scrying.scenarios.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The short text table and the ratios to the floor (NATS publish to receive, fsync). */
final class Report {
  private Report() {}

  static void ratios(ObjectNode run) {
    JsonNode m = run.path("metrics");
    JsonNode b = run.path("baselines");
    ObjectNode r = run.putObject("ratios");
    double nats = b.path("nats_pub_sub").path("p50_ms").asDouble(0);
    if (nats > 0) {
      r.put("visual_p50_over_nats_p50", round(m.path("visual").path("p50_ms").asDouble() / nats));
      r.put("fanout_p50_over_nats_p50", round(m.path("fanout").path("p50_ms").asDouble() / nats));
      r.put("visual_p99_over_nats_p99", round(m.path("visual").path("p99_ms").asDouble()
          / Math.max(0.001, b.path("nats_pub_sub").path("p99_ms").asDouble())));
    }
    JsonNode at = run.path("floors_alongside");
    double natsAtRate = at.path("nats_pub_sub_at_rate").path("p50_ms").asDouble(0);
    if (natsAtRate > 0) {
      r.put("visual_p50_over_nats_at_rate_p50", round(m.path("visual").path("p50_ms").asDouble() / natsAtRate));
      r.put("visual_p99_over_nats_at_rate_p99", round(m.path("visual").path("p99_ms").asDouble()
          / Math.max(0.001, at.path("nats_pub_sub_at_rate").path("p99_ms").asDouble())));
    }
    double fsyncAtRate = at.path("fsync_at_rate").path("p50_ms").asDouble(0);
    if (fsyncAtRate > 0) {
      r.put("durable_hop_p50_over_fsync_at_rate_p50", round(m.path("server_durable").path("p50_ms").asDouble() / fsyncAtRate));
    }
    double fsync = b.path("fsync").path("p50_ms").asDouble(0);
    if (fsync > 0) {
      r.put("durable_hop_p50_over_fsync_p50", round(m.path("server_durable").path("p50_ms").asDouble() / fsync));
    }
  }

  static String table(JsonNode result) {
    StringBuilder s = new StringBuilder();
    for (JsonNode run : result.path("runs")) {
      s.append(String.format("%n== %s: %d players, %d zones, %.0f actions/s target, %.1f/s achieved, %d lost, %d gaps, %d errors, server CPU %d%%, heap/idle connection %d B%n",
          run.path("workload").asText(), run.path("players").asInt(), run.path("zones").asInt(),
          run.path("target_rate").asDouble(), run.path("throughput_per_s").asDouble(), run.path("events_lost").asLong(),
          run.path("chain_gaps").asLong(), run.path("errors").asLong(), run.path("server_cpu_percent").asLong(),
          run.path("heap_per_idle_connection_bytes").asLong()));
      s.append(String.format("server in the window: GC %d ms, JIT compiling %d ms; warm-up %.0f s%s; JetStream mirror %s%n",
          run.path("server_gc_ms").asLong(), run.path("server_jit_ms").asLong(), run.path("warmup").path("seconds").asDouble(),
          run.path("warmup").path("quiet").asBoolean() ? "" : " (JIT not yet quiet)", run.path("nats_mirror").asBoolean() ? "on" : "off"));
      s.append(String.format("%-26s %9s %9s %9s %9s %9s %9s%n", "metric (ms)", "count", "p50", "p90", "p99", "p99.9", "max"));
      run.path("metrics").fields().forEachRemaining(e -> s.append(row(e.getKey(), e.getValue())));
      run.path("baselines").fields().forEachRemaining(e -> s.append(row("floor: " + e.getKey(), e.getValue())));
      run.path("floors_alongside").fields().forEachRemaining(e -> s.append(row("floor: " + e.getKey(), e.getValue())));
      run.path("ratios").fields().forEachRemaining(e -> s.append(String.format("ratio %-40s %8.2f%n", e.getKey(), e.getValue().asDouble())));
      if (run.has("chat")) {
        s.append("chat streams: ").append(run.path("chat")).append('\n');
      }
    }
    if (result.has("knee")) {
      s.append("knee: ").append(result.path("knee")).append('\n');
    }
    return s.toString();
  }

  private static String row(String name, JsonNode h) {
    return String.format("%-26s %9d %9.2f %9.2f %9.2f %9.2f %9.2f%n", name, h.path("count").asLong(), h.path("p50_ms").asDouble(),
        h.path("p90_ms").asDouble(), h.path("p99_ms").asDouble(), h.path("p999_ms").asDouble(), h.path("max_ms").asDouble());
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
