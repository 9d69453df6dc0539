package dev.scrying.server.bus;

import dev.scrying.experiences.Ids;

/**
 * The subjects the server publishes on. A user id becomes a subject token, so only ids that can never
 * add a level ('.') or a wildcard ('*', '>') are accepted.
 */
public final class Subjects {
  public static final String WORLD_UPDATES_PREFIX = "world.updates.user.";
  /** Every player's world updates; what the JetStream mirror captures. */
  public static final String ALL_WORLD_UPDATES = "world.updates.>";
  private static final int MAX_LENGTH = 256;

  private Subjects() {}

  /** {@code world.updates.user.<userId>}. */
  public static String worldUpdates(String userId) {
    if (!Ids.isUserId(userId)) {
      throw new IllegalArgumentException(
          "invalid user id for a NATS subject (allowed: letters, digits, '_' and '-', 1-64 characters)");
    }
    return WORLD_UPDATES_PREFIX + userId;
  }

  /** True for a subject with non-empty tokens and no wildcards, whitespace or control characters. */
  public static boolean isExact(String subject) {
    if (subject == null || subject.isEmpty() || subject.length() > MAX_LENGTH) {
      return false;
    }
    char previous = '.';
    for (int i = 0; i < subject.length(); i++) {
      char c = subject.charAt(i);
      if (c == '*' || c == '>' || Character.isWhitespace(c) || Character.isSpaceChar(c)
          || Character.isISOControl(c) || (c == '.' && previous == '.')) {
        return false;
      }
      previous = c;
    }
    return previous != '.';
  }

  static String requireExact(String subject) {
    if (!isExact(subject)) {
      throw new IllegalArgumentException("not an exact subject (empty token, wildcard or whitespace)");
    }
    return subject;
  }
}
