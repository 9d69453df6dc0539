package dev.scrying.scenarios.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One lean simulated player for the bench: a real WebSocket client that checks its chain and records
 * visual, fan-out and response latency against the intended send time of each action (so a late send
 * counts against the server, correcting coordinated omission). Frames arrive on its {@link SocketLoop}'s
 * thread; actions are written on the scheduler's.
 */
final class BenchClient implements LeanWebSocket.Listener {
  final String userId;
  final String item;
  private final Metrics metrics;
  private final Map<String, Long> intended;
  private final ConcurrentLinkedQueue<Long> outstanding = new ConcurrentLinkedQueue<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong gaps = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private volatile long version = -1;
  private volatile boolean leaving;
  private LeanWebSocket socket;
  private boolean holding;

  BenchClient(String userId, String item, Metrics metrics, Map<String, Long> intended) {
    this.userId = userId;
    this.item = item;
    this.metrics = metrics;
    this.intended = intended;
  }

  void connect(SocketLoop loop, String wsUrl) throws IOException {
    socket = LeanWebSocket.open(URI.create(wsUrl), loop, this, Duration.ofSeconds(10));
  }

  boolean awaitReady(long millis) throws InterruptedException {
    return ready.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS) && version >= 0;
  }

  /** Sends the next action of this player's collect/drop cycle, tagged with its request id. */
  void act(String requestId, long intendedMicros) {
    String action = holding ? "drop_item" : "collect_item";
    holding = !holding;
    intended.put(requestId, intendedMicros);
    outstanding.add(intendedMicros);
    socket.send("{\"type\":\"action\",\"action\":\"" + action + "\",\"instance_id\":\"" + item
        + "\",\"request_id\":\"" + requestId + "\"}");
  }

  void send(String text) {
    socket.send(text);
  }

  @Override
  public void onText(String text) {
    long now = nowMicros();
    Map<String, String> f = FrameFields.read(text);
    switch (f.getOrDefault("type", "")) {
      case "area_of_interest" -> {
        version = FrameFields.number(f, "snapshot_version");
        ready.countDown();
      }
      case "world_update" -> update(f, now);
      case "action_response" -> {
        Long sent = outstanding.poll();
        if (sent != null) {
          metrics.record("action_to_response", now - sent);
        }
        if (!"true".equals(f.get("success"))) {
          errors.incrementAndGet();
        }
      }
      case "error", "unreadable" -> errors.incrementAndGet();
      default -> { }
    }
  }

  @Override
  public void onBinary(int bytes) {
    errors.incrementAndGet();
  }

  @Override
  public void onClosed(int code, String reason) {
    ready.countDown();
    if (!leaving) {
      // The server closed a socket the bench still measures with: whatever it missed is counted as lost.
      errors.incrementAndGet();
      System.err.println(userId + "'s socket closed by the server: " + code + " " + reason);
    }
  }

  private void update(Map<String, String> f, long now) {
    received.incrementAndGet();
    if (FrameFields.number(f, "base_version") != version) {
      gaps.incrementAndGet();
    }
    version = FrameFields.number(f, "snapshot_version");
    Long sent = intended.get(f.getOrDefault("metadata.request_id", ""));
    if (sent == null) {
      return;
    }
    boolean mine = userId.equals(f.get("metadata.actor"));
    metrics.recordTimed(mine ? "visual" : "fanout", sent, now - sent);
    if (mine) {
      long received = FrameFields.number(f, "metadata.trace.received");
      long applied = FrameFields.number(f, "metadata.trace.applied");
      long durable = FrameFields.number(f, "metadata.trace.durable");
      long published = FrameFields.number(f, "metadata.trace.published");
      hop("server_received", sent, received);
      hop("server_applied", received, applied);
      hop("server_durable", applied, durable);
      hop("server_published", durable, published);
      hop("published_to_client", published, now);
    }
  }

  private void hop(String metric, long from, long to) {
    if (from > 0 && to > 0) {
      metrics.record(metric, to - from);
    }
  }

  long received() {
    return received.get();
  }

  long gaps() {
    return gaps.get();
  }

  long errors() {
    return errors.get();
  }

  /** Starts the closing handshake; the returned future completes when the socket has ended. */
  java.util.concurrent.CompletableFuture<Integer> close() {
    leaving = true;
    socket.close(1000, "bench done");
    return socket.closed();
  }

  static long nowMicros() {
    Instant i = Clock.systemUTC().instant();
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
  }
}
