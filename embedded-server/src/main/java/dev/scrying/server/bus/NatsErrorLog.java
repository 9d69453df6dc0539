package dev.scrying.server.bus;

import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns jnats error callbacks into throttled log lines: while NATS is down jnats reports every failed
 * reconnect attempt, several times a second. Runs on the jnats callback thread, so it only logs.
 */
final class NatsErrorLog implements ErrorListener {
  private static final Logger LOG = LoggerFactory.getLogger(NatsBus.class);
  private final LogThrottle throttle = new LogThrottle(30_000);

  @Override
  public void errorOccurred(Connection conn, String error) {
    warn("server error", "NATS server reported: " + error);
  }

  @Override
  public void exceptionOccurred(Connection conn, Exception exp) {
    String kind = exp.getClass().getSimpleName();
    warn("exception " + kind, "NATS client: " + kind + ": " + exp.getMessage());
  }

  @Override
  public void slowConsumerDetected(Connection conn, Consumer consumer) {
    warn("slow consumer", "NATS subscriber too slow; the client is dropping messages for it");
  }

  @Override
  public void messageDiscarded(Connection conn, Message msg) {
    warn("discarded", "NATS outgoing queue full; a message was discarded");
  }

  @Override
  public void socketWriteTimeout(Connection conn) {
    warn("write timeout", "NATS socket write timed out");
  }

  private void warn(String key, String message) {
    long held = throttle.admit(key);
    if (held >= 0) {
      LOG.warn("{}{}", Redact.text(message), held > 0 ? " (" + held + " similar since last report)" : "");
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("{}", Redact.text(message));
    }
  }
}
