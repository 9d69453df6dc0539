package dev.scrying.server.bus;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Strips user:password from URLs before they reach a log line, a status or the console. */
final class Redact {
  private static final Pattern USERINFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^@/\\s,]+@");

  private Redact() {}

  static @Nullable String text(@Nullable String s) {
    return s == null ? null : USERINFO.matcher(s).replaceAll("$1***@");
  }
}
