package dev.scrying.server.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scrying.experiences.Json;
import dev.scrying.experiences.protocol.WorldUpdateEvent;
import dev.scrying.server.bus.BusSubscription;
import dev.scrying.server.bus.EventBus;
import dev.scrying.server.bus.Subjects;
import dev.scrying.server.engine.CommandResult;
import dev.scrying.server.engine.EngineListener;
import dev.scrying.server.engine.Trace;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every durable event on its recipient's subject {@code world.updates.user.{id}} and lets
 * connections subscribe to those subjects, one bus subscription per connection. Publishing runs on the
 * engine's writer thread and never blocks (the bus drops to in-process delivery when NATS is away).
 */
public final class BusPlayerEvents implements PlayerEvents, EngineListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BusPlayerEvents.class);
  private final EventBus bus;
  private final java.util.concurrent.BlockingQueue<CommandResult> queue = new java.util.concurrent.LinkedBlockingQueue<>();
  private final Thread publisher;
  private volatile boolean running = true;

  public BusPlayerEvents(EventBus bus) {
    this.bus = bus;
    // Encoding and publishing run on their own thread, in commit order, so the writer can apply the
    // next batch meanwhile: on two cores that pipelining is most of the throughput.
    this.publisher = new Thread(this::publishLoop, "event-publisher");
    publisher.setDaemon(true);
    publisher.start();
  }

  @Override
  public void committed(CommandResult result) {
    if (!result.events().isEmpty()) {
      queue.add(result);
    }
  }

  private void publishLoop() {
    java.util.List<CommandResult> batch = new java.util.ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        CommandResult first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, 255);
        java.util.Map<JsonNode, String> cache = new java.util.IdentityHashMap<>();
        for (CommandResult r : batch) {
          r.trace().stamp(Trace.PUBLISHED, Trace.nowMicros(Clock.systemUTC()));
          for (WorldUpdateEvent e : r.events()) {
            bus.publish(Subjects.worldUpdates(e.userId()),
                WireEncoding.worldUpdate(e, cache, null).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("publishing failed for a batch: {}", e.toString());
      } finally {
        batch.clear();
      }
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      publisher.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Subscription subscribe(String experience, String userId, Consumer<WorldUpdateEvent> sink) {
    BusSubscription sub = bus.subscribe(Subjects.worldUpdates(userId), bytes -> {
      WorldUpdateEvent e = decode(bytes);
      // One subject per player carries every experience; a connection wants only its own.
      if (e != null && e.experience().equals(experience)) {
        sink.accept(e);
      }
    });
    return sub::close;
  }

  static WorldUpdateEvent decode(byte[] bytes) {
    try {
      JsonNode n = Json.parse(bytes);
      return new WorldUpdateEvent(n.path("experience").asText(), n.path("user_id").asText(),
          n.path("base_version").asLong(), n.path("snapshot_version").asLong(), (ArrayNode) n.path("changes"),
          n.path("timestamp").asLong(), (ObjectNode) n.path("metadata"));
    } catch (RuntimeException e) {
      LOG.warn("dropping an undecodable world update ({} bytes): {}", bytes.length, e.getMessage());
      return null;
    }
  }
}
