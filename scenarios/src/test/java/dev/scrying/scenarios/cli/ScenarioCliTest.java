package dev.scrying.scenarios.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.experiences.Json;
import dev.scrying.scenarios.report.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The headless CLI end to end: exit codes, reports, and bad files stopping the run before it starts. */
class ScenarioCliTest {
  @TempDir Path dir;

  static final String PASSING = """
      name: passes
      players:
        - id: cli_guest
      steps:
        - reset: experience
        - command: collect_item
          fields: {instance_id: bottle_joy}
          expect: {success: true}
      """;

  static final String FAILING = """
      name: fails
      players:
        - id: cli_guest
      steps:
        - command: collect_item
          fields: {instance_id: bottle_joy}
          expect: {success: true}
      """;

  @Test
  void aFailingScenarioMakesTheExitCodeNonZeroAndIsInTheReports() throws Exception {
    Path passing = Files.writeString(dir.resolve("a-passes.yaml"), PASSING);
    Path failing = Files.writeString(dir.resolve("b-fails.yaml"), FAILING);
    Path report = dir.resolve("report");

    int code = ScenarioCli.execute("run", passing.toString(), failing.toString(), "--report", report.toString());

    assertThat(code).isEqualTo(ScenarioCli.FAILED);
    assertThat(report.resolve(ReportFiles.HTML)).exists();
    var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.resolve(ReportFiles.JUNIT).toFile());
    Element suites = xml.getDocumentElement();
    assertThat(suites.getAttribute("failures")).isEqualTo("1");
    assertThat(xml.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
    var json = Json.parse(Files.readString(report.resolve(ReportFiles.JSON)));
    assertThat(json.path("scenarios").get(0).path("passed").asBoolean()).isTrue();
    assertThat(json.path("scenarios").get(1).path("passed").asBoolean()).isFalse();
  }

  @Test
  void aBadFileStopsEverythingBeforeAServerStarts() throws Exception {
    Path good = Files.writeString(dir.resolve("good.yaml"), PASSING);
    Path bad = Files.writeString(dir.resolve("bad.yaml"), PASSING.replace("command:", "comand:"));
    Path report = dir.resolve("report");

    int code = ScenarioCli.execute("run", good.toString(), bad.toString(), "--report", report.toString());

    assertThat(code).isEqualTo(ScenarioCli.BAD_INPUT);
    assertThat(report).doesNotExist();
    assertThat(ScenarioCli.execute("check", good.toString())).isEqualTo(ScenarioCli.PASSED);
    assertThat(ScenarioCli.execute("check", bad.toString())).isEqualTo(ScenarioCli.BAD_INPUT);
    assertThat(ScenarioCli.execute("run")).as("no files").isEqualTo(ScenarioCli.BAD_INPUT);
    assertThat(ScenarioCli.execute("run", "--validate-only", good.toString())).isEqualTo(ScenarioCli.PASSED);
    assertThat(ScenarioCli.execute("run", "--validate-only", bad.toString())).isEqualTo(ScenarioCli.BAD_INPUT);
  }

  @Test
  void anUnreachableServerIsExitCodeThree() throws Exception {
    Path good = Files.writeString(dir.resolve("good.yaml"), PASSING);
    assertThat(ScenarioCli.execute("run", good.toString(), "--url", "http://127.0.0.1:1")).isEqualTo(ScenarioCli.NO_SERVER);
  }
}
