package dev.scrying.console.model.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes stream rows to a file: JSON Lines keep the whole frame (one object per line), CSV keeps the
 * table's columns for spreadsheets. Times are ISO-8601 UTC with microseconds. Call off the UI thread.
 */
public final class StreamExport {
  static final String CSV_HEADER = "time,source,player,type,summary,latency_ms,trace_id";

  private StreamExport() {}

  public static void write(List<StreamEvent> rows, Path file, ExportFormat format) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      if (format == ExportFormat.CSV) {
        out.write(CSV_HEADER);
        out.newLine();
      }
      for (StreamEvent e : rows) {
        out.write(format == ExportFormat.CSV ? csv(e) : jsonLine(e));
        out.newLine();
      }
    }
  }

  static String time(long micros) {
    return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000).toString();
  }

  static String jsonLine(StreamEvent e) {
    ObjectNode o = Json.object().put("time", time(e.atMicros())).put("source", e.source().name().toLowerCase())
        .put("player", e.player()).put("type", e.type()).put("summary", e.summary());
    if (e.hasLatency()) {
      o.put("latency_ms", e.latencyMs());
    }
    if (e.traceId() != null) {
      o.put("trace_id", e.traceId());
    }
    o.set("data", parsedOrText(e.json()));
    return o.toString();
  }

  private static JsonNode parsedOrText(String json) {
    try {
      return Json.parse(json);
    } catch (IllegalArgumentException notJson) {
      return Json.MAPPER.getNodeFactory().textNode(json);
    }
  }

  static String csv(StreamEvent e) {
    return String.join(",", time(e.atMicros()), e.source().label(), quote(e.player()), quote(e.type()),
        quote(e.summary()), e.hasLatency() ? String.format(java.util.Locale.ROOT, "%.3f", e.latencyMs()) : "",
        e.traceId() == null ? "" : e.traceId());
  }

  /** RFC 4180: quote when needed, double the quotes inside. */
  static String quote(String s) {
    if (s == null) {
      return "";
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
