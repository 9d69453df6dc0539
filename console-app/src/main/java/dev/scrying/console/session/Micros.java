package dev.scrying.console.session;

import java.time.Instant;

/** Epoch microseconds, the unit of every server trace hop, so console and server times subtract. */
public final class Micros {
  private Micros() {}

  public static long now() {
    Instant i = Instant.now();
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
  }

  /** Milliseconds between two epoch-microsecond stamps, with microsecond precision. */
  public static double millisBetween(long fromMicros, long toMicros) {
    return (toMicros - fromMicros) / 1000.0;
  }
}
