package dev.scrying.server.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash protections that a negative-control test can switch off, one system property each, to show
 * that the crash test guarding it then fails: a chaos test that cannot fail proves nothing. Read when
 * the guarded object is made. Never set these outside tests; the server logs an error when one is off.
 */
public enum Protection {
  /** Answer a command only after its journal entry is on disk (off: answer first, write ~0.3 s later). */
  DURABLE_BEFORE_ACK("scrying.unsafe.ackBeforeJournal"),
  /** Cut a torn journal tail off before appending after it (off: append after the torn bytes). */
  TORN_TAIL_REPAIR("scrying.unsafe.keepTornTail"),
  /**
   * Force journal appends, whole-file writes and their folders to disk (off: bytes stay in the page cache,
   * which survives a kill -9 but not a power loss).
   */
  FSYNC("scrying.unsafe.skipFsync");

  private static final Logger LOG = LoggerFactory.getLogger(Protection.class);
  private final String property;

  Protection(String property) {
    this.property = property;
  }

  public String property() {
    return property;
  }

  public boolean isOn() {
    if (Boolean.getBoolean(property)) {
      LOG.error("UNSAFE: crash protection {} is switched off by -D{}=true; acknowledged data can be lost",
          name(), property);
      return false;
    }
    return true;
  }
}
