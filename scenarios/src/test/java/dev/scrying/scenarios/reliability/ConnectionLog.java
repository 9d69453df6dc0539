package dev.scrying.scenarios.reliability;

import dev.scrying.scenarios.client.ConnectionState;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.FrameListener;
import dev.scrying.scenarios.client.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every connection attempt (a {@code CONNECTING} state: one WebSocket handshake or SSE request) and the
 * last time each player's stream opened, on the monotonic clock, and how each player's stream first ended,
 * from the moment it is armed. Thread-safe:
 * listeners run on network threads and only append.
 */
final class ConnectionLog implements FrameListener {
  private final ConcurrentLinkedQueue<Long> attempts = new ConcurrentLinkedQueue<>();
  private final Map<String, Long> lastOpen = new ConcurrentHashMap<>();
  private final Map<String, String> firstEnd = new ConcurrentHashMap<>();
  private volatile boolean armed;

  void arm() {
    armed = true;
  }

  @Override
  public void onFrame(Frame frame) { }

  @Override
  public void onConnectionState(String userId, Transport transport, ConnectionState state, String detail) {
    if (!armed) {
      return;
    }
    long now = System.nanoTime();
    if (state == ConnectionState.CONNECTING) {
      attempts.add(now);
    } else if (state == ConnectionState.OPEN) {
      lastOpen.put(userId, now);
    } else {
      firstEnd.putIfAbsent(userId, state + " " + detail);
    }
  }

  /** How each player's stream first ended after arming: state and detail (close code and reason). */
  Map<String, String> firstEnd() {
    return Map.copyOf(firstEnd);
  }

  List<Long> attempts() {
    List<Long> all = new ArrayList<>(attempts);
    all.sort(null);
    return all;
  }

  Map<String, Long> lastOpen() {
    return Map.copyOf(lastOpen);
  }

  /** The most attempts inside any window of {@code windowNanos} (sliding, not aligned to seconds). */
  static int peak(List<Long> sorted, long windowNanos) {
    int peak = 0;
    for (int from = 0, to = 0; to < sorted.size(); to++) {
      while (sorted.get(to) - sorted.get(from) >= windowNanos) {
        from++;
      }
      peak = Math.max(peak, to - from + 1);
    }
    return peak;
  }

  /** Attempts per whole second since {@code startNanos}: index i counts [i s, i+1 s). */
  static int[] perSecond(List<Long> sorted, long startNanos) {
    int seconds = sorted.isEmpty() ? 0 : (int) ((sorted.get(sorted.size() - 1) - startNanos) / 1_000_000_000L) + 1;
    int[] buckets = new int[Math.max(seconds, 0)];
    for (long t : sorted) {
      buckets[(int) ((t - startNanos) / 1_000_000_000L)]++;
    }
    return buckets;
  }
}
