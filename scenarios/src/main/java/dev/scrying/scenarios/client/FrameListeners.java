package dev.scrying.scenarios.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A player's listeners, its bounded history of recent frames and the signal waiting threads sleep
 * on. Thread-safe; listener failures are contained here.
 */
final class FrameListeners {
  private static final Logger LOG = LoggerFactory.getLogger(FrameListeners.class);
  static final int HISTORY = 2_000;

  private final List<FrameListener> listeners = new CopyOnWriteArrayList<>();
  private final Deque<Frame> recent = new ArrayDeque<>();
  private final ChangeSignal signal = new ChangeSignal();

  void add(FrameListener l) {
    listeners.add(l);
  }

  void remove(FrameListener l) {
    listeners.remove(l);
  }

  ChangeSignal signal() {
    return signal;
  }

  void emit(Frame frame) {
    synchronized (recent) {
      recent.addLast(frame);
      if (recent.size() > HISTORY) {
        recent.removeFirst();
      }
    }
    for (FrameListener l : listeners) {
      try {
        l.onFrame(frame);
      } catch (RuntimeException e) {
        LOG.warn("frame listener {} failed on {}: {}", l, frame.summary(), e.toString());
      }
    }
    signal.signal();
  }

  void state(String userId, Transport transport, ConnectionState state, String detail) {
    for (FrameListener l : listeners) {
      try {
        l.onConnectionState(userId, transport, state, detail);
      } catch (RuntimeException e) {
        LOG.warn("frame listener {} failed on a state change: {}", l, e.toString());
      }
    }
    signal.signal();
  }

  List<Frame> recent() {
    synchronized (recent) {
      return new ArrayList<>(recent);
    }
  }
}
