package dev.scrying.console.model.latency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The steps of one action laid out in time: each step runs from the previous known hop to the next,
 * starting at the earliest stamp. Client stamps and server stamps share one clock only when both run
 * on the same machine; a remote server's steps may be offset by clock skew.
 */
public record Waterfall(List<Step> steps, double totalMs) {

  public Waterfall {
    steps = List.copyOf(steps);
  }

  /** One bar: {@code from} → {@code to}, starting {@code startMs} after the first hop. */
  public record Step(Hop from, Hop to, double startMs, double durationMs) {
    public String label() {
      return to.label();
    }
  }

  public static Waterfall of(Map<Hop, Long> hops) {
    List<Step> steps = new ArrayList<>();
    Hop previous = null;
    long origin = Long.MAX_VALUE;
    for (Long v : hops.values()) {
      origin = Math.min(origin, v);
    }
    double end = 0;
    for (Hop h : Hop.values()) {
      Long at = hops.get(h);
      if (at == null) {
        continue;
      }
      if (previous != null) {
        long from = hops.get(previous);
        double start = (from - origin) / 1000.0;
        double duration = Math.max(0, (at - from) / 1000.0);
        steps.add(new Step(previous, h, start, duration));
        end = Math.max(end, start + duration);
      }
      previous = h;
    }
    return new Waterfall(steps, end);
  }
}
