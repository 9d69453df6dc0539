package dev.scrying.scenarios.report;

import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.Latencies;
import dev.scrying.scenarios.run.AssertionResult;
import dev.scrying.scenarios.run.LatencySummary;
import dev.scrying.scenarios.run.MetricStats;
import dev.scrying.scenarios.run.ScenarioResult;
import dev.scrying.scenarios.run.StepResult;
import dev.scrying.scenarios.run.StepStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A single self-contained HTML page (inline CSS and SVG, no scripts, no external assets) that a
 * person opens after a CI run: the verdict, per-hop latency percentiles with histograms, every
 * scenario's steps, and each failed expectation with the frames around it. Stateless.
 */
public final class HtmlReport {
  private static final String CSS = """
      body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:24px auto;max-width:1200px;color:#1d2330;padding:0 16px}
      h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #dde2ea;padding-bottom:4px}
      h3{font-size:15px;margin:18px 0 6px}.muted{color:#6b7385}
      table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eef0f4;vertical-align:top}
      th{background:#f6f7fa;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
      .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff}
      .PASSED,.pass{background:#1f9d55}.FAILED,.fail{background:#d64545}.SKIPPED{background:#9aa1ae}
      tr.failed td{background:#fff4f4}.failure{border-left:4px solid #d64545;background:#fff8f8;margin:8px 0;padding:8px 12px}
      pre{background:#f6f7fa;padding:8px;overflow-x:auto;font-size:12px;line-height:1.35;margin:6px 0}
      .hist{display:flex;gap:18px;flex-wrap:wrap}.hist figure{margin:0}.hist figcaption{font-size:12px;color:#6b7385}
      svg text{font:9px system-ui,sans-serif;fill:#6b7385}
      """;

  private HtmlReport() {}

  public static void write(List<ScenarioResult> results, Path file) throws IOException {
    Files.writeString(file, render(results));
  }

  public static String render(List<ScenarioResult> results) {
    StringBuilder h = new StringBuilder(64 * 1024);
    boolean passed = results.stream().allMatch(ScenarioResult::passed);
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Scrying scenario report</title>")
        .append("<style>").append(CSS).append("</style></head><body>");
    h.append("<h1>Scrying scenario report ").append(badge(passed ? "pass" : "fail", passed ? "PASSED" : "FAILED"))
        .append("</h1><p class=\"muted\">Generated ").append(Instant.now()).append(" · ").append(results.size())
        .append(" scenario(s), ").append(results.stream().filter(r -> !r.passed()).count()).append(" failed · ")
        .append(steps(results, StepStatus.PASSED)).append(" steps passed, ").append(steps(results, StepStatus.FAILED))
        .append(" failed, ").append(steps(results, StepStatus.SKIPPED)).append(" skipped</p>");
    h.append("<h2>Latency across the run (per hop)</h2>");
    latency(h, LatencySummary.of(Latencies.merged(results.stream().map(ScenarioResult::samples).toList())), true);
    overview(h, results);
    results.forEach(r -> scenario(h, r));
    return h.append("</body></html>").toString();
  }

  private static long steps(List<ScenarioResult> results, StepStatus s) {
    return results.stream().mapToLong(r -> r.count(s)).sum();
  }

  private static void overview(StringBuilder h, List<ScenarioResult> results) {
    h.append("<h2>Scenarios</h2><table><tr><th>Scenario</th><th>File</th><th>Result</th><th class=\"num\">Passed</th>")
        .append("<th class=\"num\">Failed</th><th class=\"num\">Skipped</th><th class=\"num\">Time (s)</th></tr>");
    for (ScenarioResult r : results) {
      h.append("<tr><td><a href=\"#").append(anchor(r)).append("\">").append(esc(r.name())).append("</a></td><td>")
          .append(esc(r.fileName())).append("</td><td>").append(badge(r.passed() ? "pass" : "fail", r.passed() ? "PASSED"
              : r.endState().name())).append("</td><td class=\"num\">").append(r.count(StepStatus.PASSED))
          .append("</td><td class=\"num\">").append(r.count(StepStatus.FAILED)).append("</td><td class=\"num\">")
          .append(r.count(StepStatus.SKIPPED)).append("</td><td class=\"num\">").append(Numbers.seconds(r.durationMillis()))
          .append("</td></tr>");
    }
    h.append("</table>");
  }

  private static void scenario(StringBuilder h, ScenarioResult r) {
    h.append("<h2 id=\"").append(anchor(r)).append("\">").append(esc(r.name())).append(' ')
        .append(badge(r.passed() ? "pass" : "fail", r.passed() ? "PASSED" : "FAILED")).append("</h2><p class=\"muted\">")
        .append(esc(r.source().toString())).append("</p>");
    h.append("<table><tr><th class=\"num\">#</th><th>Step</th><th>Kind</th><th>Player</th><th class=\"num\">Line</th>")
        .append("<th>Result</th><th class=\"num\">ms</th><th class=\"num\">Frames</th></tr>");
    for (StepResult s : r.steps()) {
      h.append("<tr").append(s.status() == StepStatus.FAILED ? " class=\"failed\"" : "").append("><td class=\"num\">")
          .append(s.index() + 1).append("</td><td>").append(esc(s.name())).append("</td><td>").append(s.kind())
          .append("</td><td>").append(esc(s.player())).append("</td><td class=\"num\">").append(s.line())
          .append("</td><td>").append(badge(s.status().name(), s.status().name())).append("</td><td class=\"num\">")
          .append(Numbers.ms(s.durationMillis())).append("</td><td class=\"num\">").append(s.frames().size())
          .append("</td></tr>");
    }
    h.append("</table>");
    for (StepResult s : r.steps()) {
      for (AssertionResult a : s.failures()) {
        failure(h, "Step " + (s.index() + 1) + " · " + s.name(), r.fileName(), a);
      }
    }
    checks(h, "Final checks", r.finalChecks(), r.fileName());
    checks(h, "Latency budgets", r.budgets(), r.fileName());
    h.append("<h3>Latency</h3>");
    latency(h, r.latency(), false);
  }

  private static void checks(StringBuilder h, String title, List<AssertionResult> checks, String file) {
    if (checks.isEmpty()) {
      return;
    }
    h.append("<h3>").append(title).append("</h3><table><tr><th>Check</th><th>Result</th><th>Detail</th></tr>");
    for (AssertionResult a : checks) {
      h.append("<tr").append(a.passed() ? "" : " class=\"failed\"").append("><td>").append(esc(a.description()))
          .append("</td><td>").append(badge(a.passed() ? "pass" : "fail", a.passed() ? "PASSED" : "FAILED"))
          .append("</td><td>").append(esc(a.detail())).append("</td></tr>");
    }
    h.append("</table>");
    checks.stream().filter(a -> !a.passed() && !a.context().isEmpty()).forEach(a -> failure(h, title, file, a));
  }

  private static void failure(StringBuilder h, String where, String file, AssertionResult a) {
    h.append("<div class=\"failure\"><strong>").append(esc(where)).append("</strong>: expected ")
        .append(esc(a.description())).append(a.line() > 0 ? " <span class=\"muted\">(" + esc(file) + ":" + a.line()
            + ")</span>" : "").append("<br>got: ").append(esc(a.detail()));
    if (!a.context().isEmpty()) {
      h.append("<pre>");
      for (Frame f : a.context()) {
        h.append(esc(FrameText.line(f))).append('\n');
      }
      h.append("</pre>");
    }
    h.append("</div>");
  }

  private static void latency(StringBuilder h, LatencySummary summary, boolean histograms) {
    if (summary.metrics().isEmpty()) {
      h.append("<p class=\"muted\">No latency samples.</p>");
      return;
    }
    h.append("<table><tr><th>Metric (ms, from the client's send)</th><th class=\"num\">count</th>")
        .append("<th class=\"num\">min</th><th class=\"num\">p50</th><th class=\"num\">p90</th><th class=\"num\">p95</th>")
        .append("<th class=\"num\">p99</th><th class=\"num\">max</th></tr>");
    for (MetricStats m : summary.inOrder()) {
      h.append("<tr><td>").append(m.metric().key()).append("</td><td class=\"num\">").append(m.count());
      for (double v : new double[] {m.min(), m.p50(), m.p90(), m.p95(), m.p99(), m.max()}) {
        h.append("</td><td class=\"num\">").append(Numbers.ms(v));
      }
      h.append("</td></tr>");
    }
    h.append("</table>");
    if (histograms) {
      h.append("<div class=\"hist\">");
      summary.inOrder().forEach(m -> h.append(Histograms.svg(m)));
      h.append("</div>");
    }
  }

  private static String badge(String cls, String text) {
    return "<span class=\"badge " + cls + "\">" + esc(text) + "</span>";
  }

  private static String anchor(ScenarioResult r) {
    return "s-" + r.fileName().replaceAll("[^A-Za-z0-9_-]", "-");
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
