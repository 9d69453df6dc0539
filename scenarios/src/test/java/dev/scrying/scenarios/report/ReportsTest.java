package dev.scrying.scenarios.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.experiences.Json;
import dev.scrying.scenarios.client.Direction;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.Latencies;
import dev.scrying.scenarios.client.LatencyMetric;
import dev.scrying.scenarios.client.Transport;
import dev.scrying.scenarios.run.AssertionResult;
import dev.scrying.scenarios.run.LatencySummary;
import dev.scrying.scenarios.run.RunState;
import dev.scrying.scenarios.run.ScenarioResult;
import dev.scrying.scenarios.run.StepResult;
import dev.scrying.scenarios.run.StepStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The three reports from a known result: JUnit XML parses and counts right, HTML is self-contained with percentiles. */
class ReportsTest {
  @TempDir Path dir;

  static ScenarioResult result() {
    Latencies l = new Latencies();
    for (int i = 1; i <= 100; i++) {
      l.record(LatencyMetric.ACTION_TO_WORLD_UPDATE, i * 20L);
      l.record(LatencyMetric.HOP_DURABLE, i * 500L);
    }
    Frame out = new Frame("guest", Transport.WEBSOCKET, Direction.OUT, "action",
        Json.object().put("type", "action").put("action", "collect_item"), 1_700_000_000_000_000L);
    Frame in = new Frame("guest", Transport.WEBSOCKET, Direction.IN, "action_response",
        Json.object().put("type", "action_response").put("success", false).put("message", "<gone> & \"done\""),
        1_700_000_000_004_000L);
    StepResult ok = new StepResult(0, "reset experience", "reset", "guest", 12, StepStatus.PASSED,
        List.of(AssertionResult.pass("reset succeeds", "ok", 12)), List.of(), 1, 2_000);
    StepResult bad = new StepResult(1, "guest: collect_item bottle_joy", "command", "guest", 14, StepStatus.FAILED,
        List.of(AssertionResult.fail("success is true", "success was false: <gone>", 17, List.of(out, in))),
        List.of(out, in), 3, 5_000);
    StepResult skipped = StepResult.skipped(2, "never ran", "say", "guest", 20);
    return new ScenarioResult("Demo <test>", Path.of("scenarios/demo.yaml"), List.of(ok, bad, skipped),
        List.of(AssertionResult.pass("guest: chain", "no gaps", 0)),
        List.of(AssertionResult.fail("action_to_world_update p99 < 50 ms", "p99 = 99.00 ms over 100 samples", 40, List.of())),
        LatencySummary.of(l), l, 1_700_000_000_000L, 1_234, RunState.FINISHED);
  }

  @Test
  void junitXmlParsesWithOneCasePerStepAndTheFailures() throws Exception {
    ReportFiles.writeAll(List.of(result()), dir);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve(ReportFiles.JUNIT).toFile());

    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("name")).isEqualTo("Demo <test>");
    assertThat(suite.getAttribute("tests")).isEqualTo("5");
    assertThat(suite.getAttribute("failures")).isEqualTo("2");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    NodeList cases = doc.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(5);
    Element second = (Element) cases.item(1);
    assertThat(second.getAttribute("name")).isEqualTo("02 guest: collect_item bottle_joy");
    assertThat(second.getAttribute("classname")).isEqualTo("scenarios.demo");
    Element failure = (Element) second.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("success is true: success was false: <gone>");
    assertThat(failure.getTextContent()).contains("demo.yaml:14", "line 17", "action_response", "<gone> & \\\"done\\\"");
    assertThat(((Element) cases.item(2)).getElementsByTagName("skipped").getLength()).isEqualTo(1);
    assertThat(((Element) cases.item(4)).getElementsByTagName("failure").getLength()).as("the budget case").isEqualTo(1);
  }

  @Test
  void htmlIsSelfContainedWithPercentilesHistogramsAndFailureContext() throws Exception {
    ReportFiles.writeAll(List.of(result()), dir);
    String html = Files.readString(dir.resolve(ReportFiles.HTML));

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("</html>");
    assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("<script").doesNotContain("<link");
    assertThat(html).contains("action_to_world_update", "hop_durable", ">p50<", ">p99<");
    assertThat(html).as("p50 and p99 of 20 µs .. 2 ms").contains(">1.00<").contains(">1.98<");
    assertThat(html).contains("<svg").contains("<rect");
    assertThat(html).contains("Demo &lt;test&gt;").doesNotContain("Demo <test>");
    assertThat(html).contains("success is true").contains("success was false: &lt;gone&gt;")
        .contains("guest -&gt; websocket action").contains("guest &lt;- websocket action_response");
    assertThat(html).contains("FAILED");
  }

  @Test
  void jsonHasEveryStepAssertionAndPercentile() throws Exception {
    ReportFiles.writeAll(List.of(result()), dir);
    JsonNode json = Json.parse(Files.readString(dir.resolve(ReportFiles.JSON)));

    assertThat(json.path("passed").asBoolean()).isFalse();
    assertThat(json.path("latency").path("action_to_world_update").path("p99_ms").asDouble()).isEqualTo(1.98);
    JsonNode s = json.path("scenarios").get(0);
    assertThat(s.path("steps")).hasSize(3);
    assertThat(s.path("steps").get(1).path("status").asText()).isEqualTo("failed");
    assertThat(s.path("steps").get(1).path("assertions").get(0).path("context").get(1).path("json").path("message").asText())
        .isEqualTo("<gone> & \"done\"");
    long histogramTotal = 0;
    for (JsonNode b : s.path("latency").path("hop_durable").path("histogram")) {
      histogramTotal += b.path("count").asLong();
    }
    assertThat(histogramTotal).isEqualTo(100);
  }
}
