package dev.scrying.scenarios.report;

import dev.scrying.scenarios.run.MetricStats;
import java.util.List;
import java.util.Locale;

/** Draws one metric's log-scale histogram as a small inline SVG bar chart (no external assets). */
final class Histograms {
  private static final int WIDTH = 260;
  private static final int HEIGHT = 90;
  private static final int AXIS = 14;

  private Histograms() {}

  static String svg(MetricStats m) {
    List<MetricStats.Bucket> buckets = m.buckets();
    long peak = Math.max(1, buckets.stream().mapToLong(MetricStats.Bucket::count).max().orElse(1));
    double barWidth = (double) WIDTH / buckets.size();
    StringBuilder s = new StringBuilder("<figure><svg width=\"" + WIDTH + "\" height=\"" + (HEIGHT + AXIS)
        + "\" viewBox=\"0 0 " + WIDTH + " " + (HEIGHT + AXIS) + "\" role=\"img\" aria-label=\"histogram of "
        + m.metric().key() + "\">");
    for (int i = 0; i < buckets.size(); i++) {
      MetricStats.Bucket b = buckets.get(i);
      double h = b.count() == 0 ? 0 : Math.max(1, (double) b.count() / peak * (HEIGHT - 10));
      double x = i * barWidth;
      s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a78c2\">"
          + "<title>%s ms: %d</title></rect>", x + 1, HEIGHT - h, barWidth - 2, h, label(b), b.count()));
      if (i % 3 == 0) {
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x + 1, HEIGHT + AXIS - 3, label(b)));
      }
    }
    return s.append("</svg><figcaption>").append(m.metric().key()).append(" (ms, ≤ bucket bound)</figcaption></figure>")
        .toString();
  }

  private static String label(MetricStats.Bucket b) {
    if (Double.isInfinite(b.upToMillis())) {
      return "more";
    }
    double v = b.upToMillis();
    return v >= 1 ? String.valueOf((long) v) : String.valueOf(v);
  }
}
