package dev.scrying.scenarios.report;

import dev.scrying.scenarios.run.ScenarioResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the three reports of a run into one folder. Stateless. */
public final class ReportFiles {
  public static final String JUNIT = "TEST-scenarios.xml";
  public static final String JSON = "scenarios.json";
  public static final String HTML = "index.html";

  private ReportFiles() {}

  /** Writes {@value #JUNIT}, {@value #JSON} and {@value #HTML} into {@code dir} (created if needed). */
  public static void writeAll(List<ScenarioResult> results, Path dir) throws IOException {
    Files.createDirectories(dir);
    JUnitXmlReport.write(results, dir.resolve(JUNIT));
    JsonReport.write(results, dir.resolve(JSON));
    HtmlReport.write(results, dir.resolve(HTML));
  }
}
