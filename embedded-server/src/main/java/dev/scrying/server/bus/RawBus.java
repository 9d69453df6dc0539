package dev.scrying.server.bus;

import java.util.function.Consumer;

/**
 * A bus that can hand payloads straight to a sink on its own receiving thread (the publisher's thread
 * for {@link LocalBus}, the jnats dispatcher for {@link NatsBus}). Sinks must not block; a
 * {@link Mailbox} is the usual sink. This is how {@link FailoverBus} feeds one ordered mailbox from two
 * buses.
 */
interface RawBus {
  BusSubscription subscribeRaw(String subject, Consumer<byte[]> sink);
}
