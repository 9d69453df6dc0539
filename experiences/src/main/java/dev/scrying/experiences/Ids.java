package dev.scrying.experiences;

import java.util.regex.Pattern;

/**
 * Strict patterns for every id that reaches a file path, a NATS subject or a JSON path. An id that
 * passes can never contain '.', '*', '>', '/', whitespace or '..'.
 */
public final class Ids {
  private static final Pattern CONTENT_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
  private static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");

  private Ids() {}

  public static boolean isContentId(String id) {
    return id != null && CONTENT_ID.matcher(id).matches();
  }

  public static boolean isUserId(String id) {
    return id != null && USER_ID.matcher(id).matches();
  }

  /** The id of a thing in a world (item, NPC, zone, area, spot, quest) or a player: the user-id pattern. */
  public static boolean isEntityId(String id) {
    return isUserId(id);
  }

  public static String requireUserId(String id) {
    if (!isUserId(id)) {
      throw new IllegalArgumentException("invalid user id (allowed: letters, digits, '_' and '-', 1-64 characters)");
    }
    return id;
  }

  public static String requireExperienceId(String id) {
    if (!isContentId(id)) {
      throw new IllegalArgumentException("invalid experience id (allowed: a-z, 0-9, '_' and '-', 1-64 characters)");
    }
    return id;
  }
}
