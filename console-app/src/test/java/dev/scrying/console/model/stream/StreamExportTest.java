package dev.scrying.console.model.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamExportTest {

  @Test
  void csvQuotesOnlyWhatNeedsIt() {
    assertThat(StreamExport.quote("plain")).isEqualTo("plain");
    assertThat(StreamExport.quote("a, b")).isEqualTo("\"a, b\"");
    assertThat(StreamExport.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(StreamExport.quote("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  @Test
  void jsonLinesKeepLatencyTraceAndTheFrame() {
    StreamEvent e = new StreamEvent(1_700_000_000_123_456L, Source.WEBSOCKET, "alice", "world_update", "v1→v2",
        2.5, "t1", "not json");
    assertThat(StreamExport.jsonLine(e)).isEqualTo("{\"time\":\"2023-11-14T22:13:20.123456Z\",\"source\":\"websocket\","
        + "\"player\":\"alice\",\"type\":\"world_update\",\"summary\":\"v1→v2\",\"latency_ms\":2.5,\"trace_id\":\"t1\","
        + "\"data\":\"not json\"}");
  }

  @Test
  void formatFollowsTheFileName() {
    assertThat(ExportFormat.forFileName("x.CSV")).isEqualTo(ExportFormat.CSV);
    assertThat(ExportFormat.forFileName("x.jsonl")).isEqualTo(ExportFormat.JSONL);
  }
}
