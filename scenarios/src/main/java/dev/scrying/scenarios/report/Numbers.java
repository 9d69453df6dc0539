package dev.scrying.scenarios.report;

import java.util.Locale;

/** Number formatting shared by the reports (always a dot as decimal separator). */
final class Numbers {
  private Numbers() {}

  static String ms(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }

  static String seconds(double millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
