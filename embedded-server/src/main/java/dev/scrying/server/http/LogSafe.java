package dev.scrying.server.http;

import java.util.regex.Pattern;

/**
 * Removes secrets from text bound for a log line: {@code token=}/{@code password=} query parameters,
 * bearer tokens and anything shaped like a JWT. Stateless and thread-safe; used on every URL and path
 * the server logs, so a token in a query string ({@code /ws/experience?token=…}) never reaches a log.
 */
public final class LogSafe {
  private static final Pattern SECRET_PARAM =
      Pattern.compile("((?:^|[?&;])(?:token|access_token|password|secret)=)[^&#\\s]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern BEARER = Pattern.compile("(Bearer\\s+)\\S+", Pattern.CASE_INSENSITIVE);
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  private LogSafe() {}

  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String s = SECRET_PARAM.matcher(text).replaceAll("$1***");
    s = BEARER.matcher(s).replaceAll("$1***");
    return JWT.matcher(s).replaceAll("***");
  }
}
