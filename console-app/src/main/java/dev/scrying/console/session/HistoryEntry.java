package dev.scrying.console.session;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One commit of the world's Git history. The server writes messages like {@code v12 collect_item
 * bottle_joy by alice}, or {@code v15: 3 commands} followed by one such line per command when commits
 * coalesce; {@link #command} and {@link #player} read the first line.
 */
public record HistoryEntry(String commit, String message, long timeMillis, long version) {
  private static final Pattern LINE = Pattern.compile("^v\\d+:? (.*?)(?: by (\\S+))?$");

  public String shortCommit() {
    return commit.length() > 8 ? commit.substring(0, 8) : commit;
  }

  /** What ran, e.g. {@code collect_item bottle_joy} or {@code 3 commands}. */
  public String command() {
    Matcher m = LINE.matcher(firstLine());
    return m.matches() ? m.group(1) : firstLine();
  }

  /** Who ran it, or "" when the commit covers several commands. */
  public String player() {
    Matcher m = LINE.matcher(firstLine());
    return m.matches() && m.group(2) != null ? m.group(2) : "";
  }

  private String firstLine() {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
