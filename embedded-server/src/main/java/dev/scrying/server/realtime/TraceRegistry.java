package dev.scrying.server.realtime;

import dev.scrying.server.engine.CommandResult;
import dev.scrying.server.engine.EngineListener;
import dev.scrying.server.engine.Trace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The traces of recent actions, so clients and the console can read every hop by trace id. Thread-safe. */
public final class TraceRegistry implements EngineListener {
  private static final int CAPACITY = 10_000;
  private final Map<String, Trace> traces = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Trace> eldest) {
      return size() > CAPACITY;
    }
  };

  @Override
  public synchronized void committed(CommandResult result) {
    traces.put(result.trace().id(), result.trace());
  }

  public synchronized void remember(Trace trace) {
    traces.put(trace.id(), trace);
  }

  public synchronized Optional<Trace> find(String id) {
    return Optional.ofNullable(traces.get(id));
  }
}
