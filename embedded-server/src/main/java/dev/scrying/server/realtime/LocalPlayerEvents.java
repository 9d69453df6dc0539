package dev.scrying.server.realtime;

import dev.scrying.experiences.protocol.WorldUpdateEvent;
import dev.scrying.server.engine.CommandResult;
import dev.scrying.server.engine.EngineListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * In-process delivery straight from the engine, for tests of the connection layer without NATS.
 * Sinks run on the engine's writer thread and must only enqueue.
 */
public final class LocalPlayerEvents implements PlayerEvents, EngineListener {
  private final Map<String, List<Consumer<WorldUpdateEvent>>> sinks = new ConcurrentHashMap<>();

  @Override
  public void committed(CommandResult result) {
    result.trace().stamp(dev.scrying.server.engine.Trace.PUBLISHED,
        dev.scrying.server.engine.Trace.nowMicros(java.time.Clock.systemUTC()));
    for (WorldUpdateEvent e : result.events()) {
      List<Consumer<WorldUpdateEvent>> list = sinks.get(e.experience() + "/" + e.userId());
      if (list != null) {
        list.forEach(s -> s.accept(e));
      }
    }
  }

  @Override
  public Subscription subscribe(String experience, String userId, Consumer<WorldUpdateEvent> sink) {
    String key = experience + "/" + userId;
    sinks.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(sink);
    return () -> {
      List<Consumer<WorldUpdateEvent>> list = sinks.get(key);
      if (list != null) {
        list.remove(sink);
      }
    };
  }

  public int subscriptions() {
    return sinks.values().stream().mapToInt(List::size).sum();
  }
}
