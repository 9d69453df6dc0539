package dev.scrying.server.bus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus the server uses: publishes go through NATS while it is connected and in-process otherwise, and
 * every subscription listens on both paths through one ordered mailbox, so a NATS outage never stops
 * updates reaching this server's subscribers. Owns and closes the NATS bus, the local bus and the managed
 * nats-server, if any.
 *
 * <p>Subscribers must tolerate duplicates and, around a switch between paths, a payload arriving after a
 * later one (payloads carry versions; consumers drop what they already have). What was in flight to NATS
 * when it died is lost; clients recover by resyncing from their last version.
 */
public final class FailoverBus implements EventBus {
  private static final Logger LOG = LoggerFactory.getLogger(FailoverBus.class);

  private final @Nullable NatsBus nats;
  private final LocalBus local;
  private final @Nullable NatsProcess process;
  private final BusStatus inProcessStatus;
  private final ExecutorService delivery = Executors.newCachedThreadPool(new DaemonThreads("bus-deliver"));
  private volatile boolean closed;

  /**
   * @param nats    the NATS path, or null for in-process only
   * @param process the managed server behind {@code nats}, closed with this bus; null if not managed
   * @param inProcessDetail what {@link #status()} says when there is no NATS at all
   */
  FailoverBus(@Nullable NatsBus nats, @Nullable NatsProcess process, String inProcessDetail) {
    this.nats = nats;
    this.process = process;
    this.inProcessStatus = BusStatus.inProcess(inProcessDetail);
    this.local = new LocalBus(inProcessStatus);
  }

  /** NATS (may be null) with in-process fallback; takes ownership of {@code nats}. */
  public static FailoverBus over(@Nullable NatsBus nats) {
    return new FailoverBus(nats, null, BusStatus.IN_PROCESS_DETAIL);
  }

  @Override
  public void publish(String subject, byte[] payload) {
    if (closed) {
      return;
    }
    if (nats != null && nats.publishIfConnected(subject, payload)) {
      return;
    }
    local.publish(subject, payload);
  }

  @Override
  public BusSubscription subscribe(String subject, Consumer<byte[]> handler) {
    return subscribe(subject, handler, delivery);
  }

  @Override
  public BusSubscription subscribeDirect(String subject, Consumer<byte[]> handler) {
    // Without NATS every payload is in-process: inline, each subscriber's handler would run on the
    // publisher's thread, which would then fall behind the engine. Keep the pool there.
    return subscribe(subject, handler, nats == null ? delivery : Runnable::run);
  }

  private BusSubscription subscribe(String subject, Consumer<byte[]> handler, java.util.concurrent.Executor executor) {
    Subjects.requireExact(subject);
    if (closed) {
      throw new IllegalStateException("bus is closed");
    }
    // Both feeds share one mailbox: whichever thread delivers first drains it, so calls never overlap.
    Mailbox mailbox = new Mailbox(subject, handler, executor, Mailbox.DEFAULT_CAPACITY);
    List<BusSubscription> feeds = new ArrayList<>(2);
    feeds.add(local.subscribeRaw(subject, mailbox::offer));
    if (nats != null) {
      try {
        feeds.add(nats.subscribeRaw(subject, mailbox::offer));
      } catch (RuntimeException e) {
        feeds.forEach(BusSubscription::close);
        throw e;
      }
    }
    return new CompositeSubscription(subject, mailbox, feeds);
  }

  @Override
  public BusStatus status() {
    return nats != null ? nats.status() : inProcessStatus;
  }

  @Override
  public void addStatusListener(Consumer<BusStatus> listener) {
    // Without NATS the status never changes; the local bus still gives the promised first call.
    (nats != null ? nats : local).addStatusListener(listener);
  }

  @Override
  public void removeStatusListener(Consumer<BusStatus> listener) {
    (nats != null ? nats : local).removeStatusListener(listener);
  }

  /** The managed nats-server, for the console's stop/start buttons; empty for external or no NATS. */
  public Optional<NatsProcess> process() {
    return Optional.ofNullable(process);
  }

  /** A monitoring client for the managed nats-server, if there is one. */
  public Optional<NatsMonitor> monitor() {
    return process().map(p -> new NatsMonitor(p.monitorUrl()));
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    // Connection before process: a client whose server vanishes first would log a reconnect storm.
    if (nats != null) {
      nats.close();
    }
    if (process != null) {
      process.close();
    }
    local.close();
    delivery.shutdown();
    try {
      if (!delivery.awaitTermination(2, TimeUnit.SECONDS)) {
        delivery.shutdownNow();
      }
    } catch (InterruptedException e) {
      delivery.shutdownNow();
      Thread.currentThread().interrupt();
    }
    LOG.debug("event bus closed");
  }
}
