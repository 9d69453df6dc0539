package dev.scrying.scenarios.client;

import java.time.Instant;

/** Wall-clock epoch microseconds, the unit of the server's trace hops. */
final class Micros {
  private Micros() {}

  static long now() {
    Instant i = Instant.now();
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
  }
}
