package dev.scrying.server.realtime;

/**
 * Where a reconnecting client asks to continue from ({@code since_version} on the WebSocket,
 * {@code Last-Event-ID} on the persistent stream), checked against the server's version. Immutable.
 * A version the server never reached (a client of an earlier data folder) gets a fresh snapshot and a
 * {@code version_ahead} error rather than a channel that would wait for it forever.
 */
record ResumePoint(Long version, String errorCode, String message) {

  static ResumePoint fresh() {
    return new ResumePoint(null, null, null);
  }

  /** Parses {@code raw} (null: start fresh) against the current version. */
  static ResumePoint parse(String raw, long currentVersion) {
    if (raw == null) {
      return fresh();
    }
    // ASCII digits only: Long.parseLong would also take "+5" and other scripts' digits.
    if (!raw.matches("[0-9]{1,18}")) {
      return refused("invalid_since_version", "the version to resume from must be a number; sending a fresh snapshot");
    }
    return of(Long.parseLong(raw), currentVersion);
  }

  static ResumePoint of(long v, long currentVersion) {
    if (v < 0) {
      return refused("invalid_since_version", "the version to resume from cannot be negative; sending a fresh snapshot");
    }
    if (v > currentVersion) {
      return refused("version_ahead", "this server is at version " + currentVersion + ", behind " + v
          + " (its data was reset); sending a fresh snapshot");
    }
    return new ResumePoint(v, null, null);
  }

  private static ResumePoint refused(String code, String message) {
    return new ResumePoint(null, code, message);
  }

  boolean refused() {
    return errorCode != null;
  }
}
