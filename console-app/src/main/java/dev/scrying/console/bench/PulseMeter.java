package dev.scrying.console.bench;

import javafx.animation.AnimationTimer;
import org.HdrHistogram.Histogram;

/**
 * Measures the gaps between JavaFX pulses: an {@link AnimationTimer} asks for a pulse every frame, so
 * any gap beyond ~16.7 ms is time the FX thread was busy or blocked. FX thread only.
 */
final class PulseMeter extends AnimationTimer {
  private final Histogram gapsMicros = new Histogram(60_000_000L, 3);
  private long last;
  private boolean recording;

  @Override
  public void handle(long now) {
    if (recording && last != 0) {
      gapsMicros.recordValue(Math.min(60_000_000L, (now - last) / 1000));
    }
    last = now;
  }

  void record(boolean on) {
    recording = on;
    last = 0;
  }

  Histogram gaps() {
    return gapsMicros.copy();
  }

  void reset() {
    gapsMicros.reset();
  }
}
