package dev.scrying.server.realtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live connections of a server (WebSocket sessions and SSE streams), the threads that write to
 * them and the heartbeat that keeps them honest. Owned by the server; closing it closes every
 * connection. Thread-safe.
 */
public final class RealtimeHub implements AutoCloseable {
  /** Heartbeat period; {@code -Dscrying.heartbeat.millis} tunes it (tests use a short one). */
  public static final long HEARTBEAT_MILLIS = Long.getLong("scrying.heartbeat.millis", 15_000);
  /** How long a stopping server waits for its clients to acknowledge the restart close. */
  static final long CLOSE_GRACE_MILLIS = 2_000;

  private final PlayerEvents events;
  private final TraceRegistry traces;
  private final ConnectionLimits limits;
  private final PlayerConnections playerConnections;
  private final ExecutorService writers = Executors.newCachedThreadPool(named("outbox"));
  /**
   * Starts the WebSocket outboxes' writes. Their writes never block (a full socket completes later, on
   * Jetty's thread), so a thread per core is enough however many clients are slow, and a busy server does
   * not create a thread for every frame that finds the others at work.
   */
  private final ExecutorService socketWriters = Executors.newFixedThreadPool(
      Math.max(2, Runtime.getRuntime().availableProcessors()), named("socket-writer"));
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("heartbeat"));
  private final Set<LiveConnection> connections = ConcurrentHashMap.newKeySet();
  /** Notified whenever a connection leaves, so {@link #close} can wait for the close handshakes. */
  private final Object departures = new Object();
  private volatile boolean stopping;

  /** A connection the hub can count, heartbeat and cut. */
  public interface LiveConnection {
    String userId();

    String kind();

    void heartbeat();

    void cut(String reason);

    /**
     * The server is stopping (to restart, as far as the client can tell): end the connection so the
     * client knows to come back later (a WebSocket closes with 1012, an SSE stream ends cleanly).
     */
    default void restarting() {
      cut("server restarting");
    }

    /** Frames waiting to be written (0 for streams that do not queue). */
    default int queued() {
      return 0;
    }
  }

  /** A hub with the limits from system properties (see {@link ConnectionLimits#fromSystemProperties()}). */
  public RealtimeHub(PlayerEvents events, TraceRegistry traces) {
    this(events, traces, ConnectionLimits.fromSystemProperties());
  }

  public RealtimeHub(PlayerEvents events, TraceRegistry traces, ConnectionLimits limits) {
    this.events = events;
    this.traces = traces;
    this.limits = limits;
    this.playerConnections = new PlayerConnections(limits.connectionsPerPlayer());
    timer.scheduleAtFixedRate(this::beat, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
  }

  public PlayerEvents events() {
    return events;
  }

  public TraceRegistry traces() {
    return traces;
  }

  /** Stamps the "delivered" hop of {@code e}'s trace when it is the actor's own event (first path wins). */
  public void delivered(dev.scrying.experiences.protocol.WorldUpdateEvent e) {
    if (e.userId().equals(e.metadata().path("actor").asText())) {
      traces.find(e.metadata().path("trace_id").asText())
          .ifPresent(t -> t.stamp("delivered", dev.scrying.server.engine.Trace.nowMicros(java.time.Clock.systemUTC())));
    }
  }

  /**
   * The wire text of {@code e}: assembled from the texts its action was published with, else encoded now
   * with its trace so far (a replayed or long-forgotten event). Any thread.
   */
  public String frameOf(dev.scrying.experiences.protocol.WorldUpdateEvent e) {
    String text = events.encoded(e);
    if (text != null) {
      return text;
    }
    String hops = traces.find(e.metadata().path("trace_id").asText()).map(t -> WireEncoding.hops(t.hops())).orElse(null);
    return WireEncoding.worldUpdate(e, hops);
  }

  /** Continuations that may take a moment (a narration starting, an answer when the engine is busy). */
  public ExecutorService writers() {
    return writers;
  }

  /** Where outbox writes start when the offering thread does not start them itself; tasks must not block. */
  public ExecutorService socketWriters() {
    return socketWriters;
  }

  public ConnectionLimits limits() {
    return limits;
  }

  /** Slots per player; every connection takes one before it is set up and gives it back when it ends. */
  public PlayerConnections playerConnections() {
    return playerConnections;
  }

  /** The longest queue of frames any connection has waiting right now (the slow-consumer gauge). */
  public int largestQueue() {
    return connections.stream().mapToInt(LiveConnection::queued).max().orElse(0);
  }

  public void register(LiveConnection c) {
    connections.add(c);
    if (stopping) {
      // It passed its stopping check just before close() told everyone: it must hear the news too, or it
      // would be cut mid-stream by the HTTP stop two seconds later. Hearing it twice is harmless.
      c.restarting();
    }
  }

  public void unregister(LiveConnection c) {
    connections.remove(c);
    synchronized (departures) {
      departures.notifyAll();
    }
  }

  /** True once {@link #close} began: new connections are turned away with the restart answer. */
  public boolean stopping() {
    return stopping;
  }

  public int count(String kind) {
    return (int) connections.stream().filter(c -> c.kind().equals(kind)).count();
  }

  public int count() {
    return connections.size();
  }

  /** Live connections per player, by kind, in player order (the status bar's "who is connected"). */
  public java.util.SortedMap<String, java.util.SortedMap<String, Integer>> byPlayer() {
    java.util.SortedMap<String, java.util.SortedMap<String, Integer>> out = new java.util.TreeMap<>();
    for (LiveConnection c : connections) {
      out.computeIfAbsent(c.userId(), u -> new java.util.TreeMap<>()).merge(c.kind(), 1, Integer::sum);
    }
    return out;
  }

  /** Frames waiting in every connection's outbox: near 0 unless clients or the writer threads fall behind. */
  public long queuedFrames() {
    long n = 0;
    for (LiveConnection c : connections) {
      n += c.queued();
    }
    return n;
  }

  /** Cuts every connection of a player (the console's failure rehearsal); returns how many. */
  public int cut(String userId, String reason) {
    int n = 0;
    for (LiveConnection c : connections) {
      if (c.userId().equals(userId)) {
        c.cut(reason);
        n++;
      }
    }
    return n;
  }

  private void beat() {
    for (LiveConnection c : connections) {
      try {
        c.heartbeat();
      } catch (RuntimeException ignored) {
        // A dead connection is cleaned up by its own close path.
      }
    }
  }

  /**
   * Tells every connection the server is restarting and waits (at most {@link #CLOSE_GRACE_MILLIS}) for
   * them to leave: the WebSocket close handshakes and the SSE streams' last frames must reach the clients
   * before the HTTP server stops, or they would see a dropped connection instead of the reason.
   */
  @Override
  public void close() {
    stopping = true;
    for (LiveConnection c : connections) {
      c.restarting();
    }
    awaitNoConnections(CLOSE_GRACE_MILLIS);
    timer.shutdownNow();
    writers.shutdown();
    socketWriters.shutdown();
  }

  private void awaitNoConnections(long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    synchronized (departures) {
      long left;
      while (!connections.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
        try {
          TimeUnit.NANOSECONDS.timedWait(departures, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
