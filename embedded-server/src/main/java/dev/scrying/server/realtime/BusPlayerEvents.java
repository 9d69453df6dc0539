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
 * connections subscribe to those subjects, one bus subscription per connection. Each event is encoded
 * once, with its trace so far, on the publisher thread; a subscriber that receives a frame this server
 * published finds the event in the event log from the frame's head, so fan-out parses and encodes
 * nothing per recipient. Publishing never blocks (the bus drops to in-process delivery when NATS is away).
 */
public final class BusPlayerEvents implements PlayerEvents, EngineListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BusPlayerEvents.class);
  // Two seconds of actions at 500 a second, about a megabyte and a half: delivery normally takes
  // milliseconds, and a forgotten action is only encoded again.
  private static final int REMEMBERED_ACTIONS = 1_024;
  private final EventBus bus;
  private final RecentEvents recent;
  private final EncodedActions encoded = new EncodedActions(REMEMBERED_ACTIONS);
  private final java.util.concurrent.BlockingQueue<CommandResult> queue = new java.util.concurrent.LinkedBlockingQueue<>();
  private final Thread publisher;
  private final java.util.concurrent.atomic.AtomicInteger backlog = new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean running = true;

  /** Where a subscriber finds an event this server published, instead of parsing its frame. */
  @FunctionalInterface
  public interface RecentEvents {
    /** The event of {@code experience} that brought {@code userId}'s view to {@code version}, or null. */
    WorldUpdateEvent find(String experience, String userId, long version);
  }

  public BusPlayerEvents(EventBus bus, RecentEvents recent) {
    this.bus = bus;
    this.recent = recent;
    // Encoding and publishing run on their own thread, in commit order, so the writer can apply the
    // next batch meanwhile: on two cores that pipelining is most of the throughput.
    this.publisher = new Thread(this::publishLoop, "event-publisher");
    publisher.setDaemon(true);
    publisher.start();
  }

  @Override
  public void committed(CommandResult result) {
    if (!result.events().isEmpty()) {
      backlog.incrementAndGet();
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
        for (CommandResult r : batch) {
          try {
            publish(r);
          } catch (RuntimeException e) {
            LOG.warn("publishing v{} failed: {}", r.version(), e.toString());
          } finally {
            backlog.decrementAndGet();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void publish(CommandResult r) {
    String hops = WireEncoding.hops(r.trace().stamp(Trace.PUBLISHED, Trace.nowMicros(Clock.systemUTC())).hops());
    String[] frames = encoded.encode(r.events(), hops);
    for (int i = 0; i < frames.length; i++) {
      bus.publish(Subjects.worldUpdates(r.events().get(i).userId()), frames[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
    // Direct: routing a frame is a header read, a map lookup and an enqueue; a thread hand-off per
    // recipient cost more than all of that.
    BusSubscription sub = bus.subscribeDirect(Subjects.worldUpdates(userId), bytes -> {
      WorldUpdateEvent e = known(bytes);
      // One subject per player carries every experience; a connection wants only its own.
      if (e != null && e.experience().equals(experience)) {
        sink.accept(e);
      }
    });
    return sub::close;
  }

  /** The event this server published as {@code bytes}, found from the frame's head, else the frame parsed. */
  private WorldUpdateEvent known(byte[] bytes) {
    WireHeader h = WireHeader.parse(bytes);
    if (h != null) {
      WorldUpdateEvent e = recent.find(h.experience(), h.userId(), h.snapshotVersion());
      if (e != null && e.baseVersion() == h.baseVersion()) {
        return e;
      }
    }
    return decode(bytes);
  }

  @Override
  public int backlog() {
    return backlog.get();
  }

  @Override
  public String encoded(WorldUpdateEvent event) {
    return encoded.frameOf(event);
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
