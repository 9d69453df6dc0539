package dev.scrying.console.model.status;

import dev.scrying.console.model.Tone;

/** One piece of the status bar: its text, how it should feel, and a longer explanation for the tooltip. */
public record Segment(String text, Tone tone, String detail) {
  public static Segment neutral(String text) {
    return new Segment(text, Tone.NEUTRAL, "");
  }
}
