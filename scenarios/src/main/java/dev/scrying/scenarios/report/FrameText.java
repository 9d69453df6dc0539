package dev.scrying.scenarios.report;

import dev.scrying.scenarios.client.Frame;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How reports print one frame: time, player, direction, transport, type and (shortened) JSON. */
final class FrameText {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
  static final int JSON_CHARS = 400;

  private FrameText() {}

  static String time(Frame f) {
    return TIME.format(Instant.ofEpochSecond(f.epochMicros() / 1_000_000, (f.epochMicros() % 1_000_000) * 1_000));
  }

  static String line(Frame f) {
    return time(f) + " " + f.userId() + " " + (f.direction().name().equals("IN") ? "<-" : "->") + " "
        + f.transport().name().toLowerCase() + " " + f.type() + " " + json(f);
  }

  static String json(Frame f) {
    String s = f.json().toString();
    return s.length() > JSON_CHARS ? s.substring(0, JSON_CHARS) + "…" : s;
  }
}
