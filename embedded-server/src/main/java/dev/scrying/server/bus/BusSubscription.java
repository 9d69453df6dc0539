package dev.scrying.server.bus;

/**
 * One handler registered on one subject. Closing it stops further deliveries (a handler call already
 * running finishes) and releases the NATS subscription; closing twice is harmless.
 */
public interface BusSubscription extends AutoCloseable {

  String subject();

  @Override
  void close();
}
