package dev.scrying.server.realtime;

import java.nio.charset.StandardCharsets;

/**
 * The routing fields at the head of a {@code world_update} that {@link WireEncoding} wrote, read
 * without parsing the rest: a bus subscriber needs only these to find the event it already holds.
 * Anything not in exactly that shape yields null, and the caller parses the whole message.
 */
record WireHeader(String experience, String userId, long baseVersion, long snapshotVersion) {
  private static final byte[] START = bytes("{\"type\":\"world_update\",\"version\":\"0.4\",\"experience\":\"");
  private static final byte[] USER = bytes("\",\"user_id\":\"");
  private static final byte[] BASE = bytes("\",\"base_version\":");
  private static final byte[] SNAPSHOT = bytes(",\"snapshot_version\":");

  static WireHeader parse(byte[] m) {
    int i = expect(m, 0, START);
    int end = idEnd(m, i);
    if (end < 0) {
      return null;
    }
    String experience = new String(m, i, end - i, StandardCharsets.US_ASCII);
    i = expect(m, end, USER);
    end = idEnd(m, i);
    if (end < 0) {
      return null;
    }
    String user = new String(m, i, end - i, StandardCharsets.US_ASCII);
    i = expect(m, end, BASE);
    long[] base = number(m, i);
    if (base == null) {
      return null;
    }
    i = expect(m, (int) base[1], SNAPSHOT);
    long[] snapshot = number(m, i);
    if (snapshot == null || snapshot[1] >= m.length || m[(int) snapshot[1]] != ',') {
      return null;
    }
    return new WireHeader(experience, user, base[0], snapshot[0]);
  }

  /** The index after {@code token} at {@code at}, or a negative index that fails every later step. */
  private static int expect(byte[] m, int at, byte[] token) {
    if (at < 0 || at + token.length > m.length) {
      return -1;
    }
    for (int k = 0; k < token.length; k++) {
      if (m[at + k] != token[k]) {
        return -1;
      }
    }
    return at + token.length;
  }

  /** The end of an id (letters, digits, '_' and '-'; the only characters ids may have), or -1. */
  private static int idEnd(byte[] m, int at) {
    if (at < 0) {
      return -1;
    }
    int i = at;
    while (i < m.length && (Character.isLetterOrDigit(m[i]) || m[i] == '_' || m[i] == '-') && m[i] > 0) {
      i++;
    }
    return i > at && i < m.length && m[i] == '"' ? i : -1;
  }

  /** {value, index after it} of a non-negative integer of at most 18 digits, or null. */
  private static long[] number(byte[] m, int at) {
    if (at < 0) {
      return null;
    }
    long v = 0;
    int i = at;
    while (i < m.length && m[i] >= '0' && m[i] <= '9' && i - at < 18) {
      v = v * 10 + (m[i] - '0');
      i++;
    }
    return i > at ? new long[] {v, i} : null;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
