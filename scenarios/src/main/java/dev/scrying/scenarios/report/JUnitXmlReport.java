package dev.scrying.scenarios.report;

import dev.scrying.scenarios.run.AssertionResult;
import dev.scrying.scenarios.run.ScenarioResult;
import dev.scrying.scenarios.run.StepResult;
import dev.scrying.scenarios.run.StepStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as CI servers read it: one {@code <testsuite>} per scenario, one {@code <testcase>} per step
 * (plus "final checks" and "latency budgets" cases), failures with their detail and the frames around
 * them. Stateless.
 */
public final class JUnitXmlReport {
  private JUnitXmlReport() {}

  public static void write(List<ScenarioResult> results, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "scenarios");
      x.writeAttribute("tests", String.valueOf(results.stream().mapToInt(JUnitXmlReport::cases).sum()));
      x.writeAttribute("failures", String.valueOf(results.stream().mapToLong(JUnitXmlReport::failures).sum()));
      for (ScenarioResult r : results) {
        suite(x, r);
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + file, e);
    }
  }

  private static int cases(ScenarioResult r) {
    return r.steps().size() + 2;
  }

  private static long failures(ScenarioResult r) {
    return r.count(StepStatus.FAILED) + (allPass(r.finalChecks()) ? 0 : 1) + (allPass(r.budgets()) ? 0 : 1);
  }

  private static void suite(XMLStreamWriter x, ScenarioResult r) throws XMLStreamException {
    x.writeStartElement("testsuite");
    x.writeAttribute("name", r.name());
    x.writeAttribute("file", r.source().toString());
    x.writeAttribute("tests", String.valueOf(cases(r)));
    x.writeAttribute("failures", String.valueOf(failures(r)));
    x.writeAttribute("skipped", String.valueOf(r.count(StepStatus.SKIPPED)));
    x.writeAttribute("errors", "0");
    x.writeAttribute("time", Numbers.seconds(r.durationMillis()));
    String classname = "scenarios." + r.fileName().replaceAll("\\.ya?ml$", "");
    for (StepResult s : r.steps()) {
      x.writeStartElement("testcase");
      x.writeAttribute("classname", classname);
      x.writeAttribute("name", String.format("%02d %s", s.index() + 1, s.name()));
      x.writeAttribute("time", Numbers.seconds(s.durationMillis()));
      if (s.status() == StepStatus.SKIPPED) {
        x.writeEmptyElement("skipped");
      } else if (s.status() == StepStatus.FAILED) {
        failure(x, s.failures(), r.fileName() + ":" + s.line());
      }
      x.writeEndElement();
    }
    checksCase(x, classname, "final checks (version chains, convergence)", r.finalChecks(), r.fileName());
    checksCase(x, classname, "latency budgets", r.budgets(), r.fileName());
    x.writeEndElement();
  }

  private static void checksCase(XMLStreamWriter x, String classname, String name, List<AssertionResult> checks,
      String file) throws XMLStreamException {
    x.writeStartElement("testcase");
    x.writeAttribute("classname", classname);
    x.writeAttribute("name", name);
    x.writeAttribute("time", "0");
    if (!allPass(checks)) {
      failure(x, checks.stream().filter(a -> !a.passed()).toList(), file);
    }
    x.writeEndElement();
  }

  private static void failure(XMLStreamWriter x, List<AssertionResult> failed, String where) throws XMLStreamException {
    x.writeStartElement("failure");
    AssertionResult first = failed.get(0);
    x.writeAttribute("message", first.description() + ": " + first.detail());
    x.writeAttribute("type", "ExpectationFailed");
    StringBuilder text = new StringBuilder();
    for (AssertionResult a : failed) {
      text.append(where).append(a.line() > 0 ? " (expectation at line " + a.line() + ")" : "").append(": ")
          .append(a.description()).append("\n  ").append(a.detail()).append('\n');
      if (!a.context().isEmpty()) {
        text.append("  frames around it:\n");
        a.context().forEach(f -> text.append("    ").append(FrameText.line(f)).append('\n'));
      }
    }
    x.writeCharacters(text.toString());
    x.writeEndElement();
  }

  private static boolean allPass(List<AssertionResult> checks) {
    return checks.stream().allMatch(AssertionResult::passed);
  }
}
