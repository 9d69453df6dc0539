package dev.scrying.scenarios.client;

/**
 * A {@code world_update} that did not continue a stream's version chain (invariant 3): {@code GAP} when
 * its base is ahead of the mirror, {@code STALE} when it is older than what the mirror already has.
 * Any chain problem is a server bug; a healthy run has none.
 */
public record ChainProblem(String userId, Transport transport, Kind kind, long mirrorVersion, long baseVersion,
    long snapshotVersion, long epochMicros) {

  /** What went wrong with the delta. */
  public enum Kind { GAP, STALE }

  @Override
  public String toString() {
    return userId + " " + transport + " " + kind + ": mirror at v" + mirrorVersion + ", delta v" + baseVersion + "->v"
        + snapshotVersion;
  }
}
