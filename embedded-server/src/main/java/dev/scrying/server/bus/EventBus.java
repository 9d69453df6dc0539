package dev.scrying.server.bus;

import java.util.function.Consumer;

/**
 * Publish/subscribe on exact subjects (no wildcards). {@link #publish} never throws and never waits on
 * the network; handlers run on bus-owned threads, one call at a time per subscription, in publish order
 * per subject. Delivery is at most once and a subscriber may see a payload twice around a NATS outage,
 * so payloads carry versions and consumers drop what they already have.
 */
public interface EventBus extends AutoCloseable {

  /** Sends {@code payload} to every subscriber of {@code subject}; failures are logged, never thrown. */
  void publish(String subject, byte[] payload);

  /**
   * Calls {@code handler} for each payload published on {@code subject} from now on. The array is
   * shared between subscribers: treat it as read-only. A slow handler delays only its own subscription.
   *
   * @throws IllegalArgumentException if the subject is empty or contains wildcards or whitespace
   * @throws IllegalStateException if the bus is closed
   */
  BusSubscription subscribe(String subject, Consumer<byte[]> handler);

  /**
   * Like {@link #subscribe}, but {@code handler} runs on the thread that delivers the payload (the NATS
   * dispatcher, or the publisher when in-process), saving a thread hand-off per payload; still one call
   * at a time per subscription, in order. For handlers that only route and enqueue: a slow one delays
   * every subscription sharing that thread.
   */
  default BusSubscription subscribeDirect(String subject, Consumer<byte[]> handler) {
    return subscribe(subject, handler);
  }

  BusStatus status();

  /**
   * Calls {@code listener} once with the current status, then after every change, on a bus-owned
   * thread, one call at a time.
   */
  void addStatusListener(Consumer<BusStatus> listener);

  void removeStatusListener(Consumer<BusStatus> listener);

  /** Releases every subscription, connection, thread and child process the bus owns. */
  @Override
  void close();
}
