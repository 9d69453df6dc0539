package dev.scrying.server.bus;

import dev.scrying.server.bus.BusStatus.Mode;
import dev.scrying.server.bus.BusStatus.State;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener.Events;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core NATS (at most once) through one jnats connection that this bus owns. Starting never fails because
 * NATS is down: a bus thread retries until the first connect, then jnats reconnects forever and re-sends
 * the subscriptions; each {@link #subscribe} is one NATS subscription whose handler runs on this bus's pool.
 */
public final class NatsBus implements EventBus, RawBus {
  /** JetStream stream that keeps an hour of world updates for outside consumers (the journal is the truth). */
  public static final String WORLD_UPDATES_STREAM = "WORLD_UPDATES";
  private static final Logger LOG = LoggerFactory.getLogger(NatsBus.class);
  private static final int STREAM_NOT_FOUND = 10059;
  private static final long STREAM_MAX_BYTES = 512L * 1024 * 1024;

  /** Where and how to connect. {@code servers} holds one URL per cluster member. */
  public record Settings(List<String> servers, Mode mode, Duration reconnectWait, Duration connectionTimeout,
                         boolean createWorldUpdatesStream, @Nullable NatsCredentials credentials) {
    public Settings {
      servers = List.copyOf(servers);
      if (servers.isEmpty()) {
        throw new IllegalArgumentException("no NATS server URL");
      }
      if (mode == Mode.IN_PROCESS) {
        throw new IllegalArgumentException("a NATS bus is MANAGED or EXTERNAL");
      }
    }

    /** Defaults for one URL or a comma-separated list of cluster URLs. */
    public static Settings of(String urls, Mode mode) {
      List<String> list = Arrays.stream(urls.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      return new Settings(list, mode, Duration.ofMillis(250), Duration.ofSeconds(2), true, null);
    }

    /** The same settings, creating the {@code WORLD_UPDATES} stream or not. */
    public Settings withMirror(boolean mirror) {
      return new Settings(servers, mode, reconnectWait, connectionTimeout, mirror, credentials);
    }

    /** The same settings, connecting as {@code user} (the managed server's own user). */
    public Settings withCredentials(NatsCredentials user) {
      return new Settings(servers, mode, reconnectWait, connectionTimeout, createWorldUpdatesStream, user);
    }
  }

  /** One caller subscription; its jnats subscription exists only while there is a connection. */
  private final class Sub implements BusSubscription {
    final String subject;
    final Consumer<byte[]> sink;
    @Nullable Subscription nats; // guarded by lock

    Sub(String subject, Consumer<byte[]> sink) {
      this.subject = subject;
      this.sink = sink;
    }

    void attach(Dispatcher d) {
      nats = d.subscribe(subject, msg -> sink.accept(msg.getData()));
    }

    @Override
    public String subject() {
      return subject;
    }

    @Override
    public void close() {
      synchronized (lock) {
        if (!subs.remove(this) || nats == null || dispatcher == null) {
          return;
        }
        try {
          dispatcher.unsubscribe(nats);
        } catch (RuntimeException e) {
          // Connection already closed: the server dropped the subscription with it.
          LOG.debug("unsubscribe from {} after close: {}", subject, e.toString());
        }
        nats = null;
      }
    }
  }

  private final Settings settings;
  private final String displayUrl;
  private final StatusFeed feed;
  private final NatsErrorLog errorLog = new NatsErrorLog();
  private final LogThrottle throttle = new LogThrottle(30_000);
  private final ExecutorService control;
  private final ExecutorService delivery = Executors.newCachedThreadPool(new DaemonThreads("bus-nats"));
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Object lock = new Object();
  private final Set<Sub> subs = new LinkedHashSet<>(); // guarded by lock
  private @Nullable Dispatcher dispatcher; // guarded by lock
  private volatile @Nullable Connection connection;
  private volatile boolean closed;

  private NatsBus(Settings settings) {
    this.settings = settings;
    this.displayUrl = Redact.text(String.join(",", settings.servers()));
    options(); // fail now on a malformed URL rather than on the connect thread
    this.feed = new StatusFeed(new BusStatus(settings.mode(), State.DISCONNECTED, displayUrl, false,
        "connecting to " + displayUrl), "bus-nats-status");
    this.control = Executors.newSingleThreadExecutor(new DaemonThreads("bus-nats-connect"));
  }

  /** Returns at once; connects in the background. @throws IllegalArgumentException on a malformed URL */
  public static NatsBus start(Settings settings) {
    NatsBus bus = new NatsBus(settings);
    bus.control.execute(bus::connectLoop);
    return bus;
  }

  @Override
  public void publish(String subject, byte[] payload) {
    Connection c = connection;
    if (closed || c == null) {
      complain("no connection", "NATS bus has no connection; a message on " + subject + " was dropped", null);
      return;
    }
    send(c, subject, payload);
  }

  /**
   * Publishes only if the connection is up at this instant (jnats' own status, not the slower listener
   * events) and returns whether it did; {@link FailoverBus} delivers in-process otherwise.
   */
  boolean publishIfConnected(String subject, byte[] payload) {
    Connection c = connection;
    return !closed && c != null && c.getStatus() == Connection.Status.CONNECTED && send(c, subject, payload);
  }

  private boolean send(Connection c, String subject, byte[] payload) {
    if (!Subjects.isExact(subject) || payload == null) {
      complain("bad subject", "refusing to publish on a non-exact subject or a null payload", null);
      return false;
    }
    try {
      // Never blocks on the network: the outgoing queue discards when full (see options()).
      c.publish(subject, payload);
      return true;
    } catch (RuntimeException e) {
      // Closed connection, reconnect buffer full, or a payload above the server's max_payload.
      complain("publish " + e.getClass().getSimpleName(), "NATS publish on " + subject + " failed", e);
      return false;
    }
  }

  @Override
  public BusSubscription subscribe(String subject, Consumer<byte[]> handler) {
    return subscribe(subject, handler, delivery);
  }

  @Override
  public BusSubscription subscribeDirect(String subject, Consumer<byte[]> handler) {
    return subscribe(subject, handler, Runnable::run);
  }

  private BusSubscription subscribe(String subject, Consumer<byte[]> handler, java.util.concurrent.Executor executor) {
    Subjects.requireExact(subject);
    Mailbox mailbox = new Mailbox(subject, handler, executor, Mailbox.DEFAULT_CAPACITY);
    return new CompositeSubscription(subject, mailbox, List.of(subscribeRaw(subject, mailbox::offer)));
  }

  @Override
  public BusSubscription subscribeRaw(String subject, Consumer<byte[]> sink) {
    Subjects.requireExact(subject);
    Sub sub = new Sub(subject, sink);
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("bus is closed");
      }
      subs.add(sub);
      if (dispatcher != null) {
        // While jnats is reconnecting this queues the SUB; jnats re-sends it before any publish.
        sub.attach(dispatcher);
      }
    }
    return sub;
  }

  @Override
  public BusStatus status() {
    return feed.get();
  }

  @Override
  public void addStatusListener(Consumer<BusStatus> listener) {
    feed.add(listener);
  }

  @Override
  public void removeStatusListener(Consumer<BusStatus> listener) {
    feed.remove(listener);
  }

  @Override
  public void close() {
    Connection c;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      c = connection;
      subs.clear();
    }
    closing.countDown();
    if (c != null) {
      try {
        c.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // Let a connect attempt in progress finish; the loop closes what it opened once it sees `closed`.
    control.shutdown();
    awaitQuietly(control, settings.connectionTimeout().toMillis() + 2_000);
    control.shutdownNow();
    delivery.shutdown();
    awaitQuietly(delivery, 2_000);
    delivery.shutdownNow();
    feed.update(s -> s.withState(State.DISCONNECTED, "closed"));
    feed.close();
  }

  private void connectLoop() {
    long attempts = 0;
    while (!closed) {
      attempts++;
      Connection c;
      try {
        c = Nats.connect(options());
      } catch (IOException e) {
        feed.update(s -> s.withState(State.DISCONNECTED, "cannot reach NATS at " + displayUrl + "; retrying"));
        // First failure and then about once a minute; the status carries the rest.
        if (attempts == 1 || attempts % 240 == 0) {
          LOG.warn("cannot reach NATS at {} (attempt {}): {}; world updates go in-process until it is back",
              displayUrl, attempts, Redact.text(e.getMessage()));
        }
        if (waitForClose(settings.reconnectWait())) {
          return;
        }
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (attempts == 1 || attempts % 240 == 0) {
          LOG.error("NATS connection to {} failed unexpectedly; retrying", displayUrl, e);
        }
        if (waitForClose(settings.reconnectWait())) {
          return;
        }
        continue;
      }
      if (!adopt(c)) {
        closeQuietly(c);
        return;
      }
      LOG.info("connected to NATS at {}", Redact.text(c.getConnectedUrl()));
      State now = stateOf(c.getStatus());
      String detail = now == State.CONNECTED ? "connected to " + Redact.text(c.getConnectedUrl())
          : "lost NATS at " + displayUrl + "; reconnecting";
      feed.update(s -> s.withState(now, detail));
      checkJetStream(c);
      return;
    }
  }

  /** Makes {@code c} the bus connection and subscribes everything asked for so far; false if closed. */
  private boolean adopt(Connection c) {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      Dispatcher d = c.createDispatcher();
      dispatcher = d;
      for (Sub s : subs) {
        try {
          s.attach(d);
        } catch (RuntimeException e) {
          LOG.warn("could not subscribe to {} on NATS: {}", s.subject, Redact.text(e.getMessage()));
        }
      }
      // Published last: a FailoverBus publish that sees the connection must find our SUBs queued ahead
      // of its PUB, or in-process subscribers would miss it.
      connection = c;
      return true;
    }
  }

  private Options options() {
    Options.Builder b = new Options.Builder();
    if (settings.credentials() != null) {
      b.userInfo(settings.credentials().user(), settings.credentials().password());
    }
    return b
        .servers(settings.servers().toArray(String[]::new))
        .connectionName("scrying-server")
        .maxReconnects(-1)
        .reconnectWait(settings.reconnectWait())
        .connectionTimeout(settings.connectionTimeout())
        // Notice a dead peer within ~15 s even when no FIN arrives (half-open TCP on Wi-Fi).
        .pingInterval(Duration.ofSeconds(5))
        // publish() must not wait 2 s for queue space: discard (and log via the error listener) instead.
        .maxMessagesInOutgoingQueue(20_000)
        .discardMessagesWhenOutgoingQueueFull()
        .connectionListener((conn, event) -> onEvent(conn, event))
        .errorListener(errorLog)
        .build();
  }

  /** jnats callback thread, one event at a time in order. */
  private void onEvent(Connection c, Events event) {
    if (c != connection || closed) {
      return; // a failed first attempt closing itself, or our own shutdown
    }
    String where = Redact.text(c.getConnectedUrl());
    switch (event) {
      case CONNECTED -> feed.update(s -> s.withState(State.CONNECTED, "connected to " + where));
      case RECONNECTED -> {
        LOG.info("reconnected to NATS at {}", where);
        feed.update(s -> s.withState(State.CONNECTED, "reconnected to " + where));
        // It may be another cluster member or a fresh server: look at JetStream again.
        runControl(() -> checkJetStream(c));
      }
      case DISCONNECTED -> {
        // jnats reports DISCONNECTED again after every failed reconnect attempt: log the first only.
        if (feed.get().state() == State.CONNECTED) {
          LOG.warn("lost the connection to NATS at {}; reconnecting, world updates go in-process meanwhile",
              displayUrl);
        }
        feed.update(s -> s.withState(State.RECONNECTING, "lost NATS at " + displayUrl + "; reconnecting"));
      }
      case CLOSED -> {
        // Not our close (we checked `closed`): jnats gave up, e.g. after the same authentication error
        // twice. Start over rather than stay deaf.
        LOG.warn("the NATS client closed its connection to {}; connecting again", displayUrl);
        synchronized (lock) {
          if (connection == c) {
            connection = null;
            dispatcher = null;
          }
        }
        feed.update(s -> s.withState(State.DISCONNECTED, "connection closed; connecting again"));
        runControl(this::connectLoop);
      }
      case LAME_DUCK -> LOG.info("NATS server {} is entering lame duck mode", where);
      default -> LOG.debug("NATS event {}", event);
    }
  }

  private void checkJetStream(Connection c) {
    if (closed || c != connection) {
      return;
    }
    boolean on;
    try {
      JetStreamManagement jsm = c.jetStreamManagement();
      jsm.getAccountStatistics();
      on = true;
      if (settings.createWorldUpdatesStream()) {
        ensureWorldUpdatesStream(jsm);
      }
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      if (closed || c != connection) {
        return; // we closed the connection under the request
      }
      on = false;
      LOG.info("JetStream not available at {}: {}", displayUrl, Redact.text(e.getMessage()));
    }
    boolean jetStream = on;
    feed.update(s -> s.withJetStream(jetStream, s.detail()));
  }

  private void ensureWorldUpdatesStream(JetStreamManagement jsm) {
    try {
      try {
        jsm.getStreamInfo(WORLD_UPDATES_STREAM);
        return; // keep an existing stream as it is: an operator may have tuned it
      } catch (JetStreamApiException e) {
        if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
          throw e;
        }
      }
      jsm.addStream(StreamConfiguration.builder()
          .name(WORLD_UPDATES_STREAM)
          .subjects(Subjects.ALL_WORLD_UPDATES)
          .storageType(StorageType.File)
          .maxAge(Duration.ofHours(1))
          .maxBytes(STREAM_MAX_BYTES)
          .build());
      LOG.info("created JetStream stream {} on {}", WORLD_UPDATES_STREAM, Subjects.ALL_WORLD_UPDATES);
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      if (closed) {
        return;
      }
      LOG.warn("could not create JetStream stream {} (world updates still flow): {}", WORLD_UPDATES_STREAM,
          Redact.text(e.getMessage()));
    }
  }

  private void runControl(Runnable r) {
    try {
      control.execute(r);
    } catch (RejectedExecutionException e) {
      // closing
    }
  }

  private boolean waitForClose(Duration d) {
    try {
      return closing.await(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private void complain(String key, String message, @Nullable Exception e) {
    long held = throttle.admit(key);
    if (held >= 0) {
      LOG.warn("{}{}{}", message, e == null ? "" : ": " + Redact.text(e.getMessage()),
          held > 0 ? " (" + held + " similar since last report)" : "");
    }
  }

  private static State stateOf(Connection.Status s) {
    return switch (s) {
      case CONNECTED -> State.CONNECTED;
      case RECONNECTING, DISCONNECTED, CONNECTING -> State.RECONNECTING;
      case CLOSED -> State.DISCONNECTED;
    };
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.debug("closing a NATS connection: {}", e.toString());
    }
  }

  private static void awaitQuietly(ExecutorService e, long millis) {
    try {
      e.awaitTermination(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }
}
