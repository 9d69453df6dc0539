package dev.scrying.console.session;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's own NATS connection, subscribed to every player's world updates, so the live stream
 * shows what really travelled through NATS (and shows nothing while NATS is down). Reconnects in the
 * background forever; messages arrive on the NATS dispatcher thread. Close once.
 */
final class NatsTap implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NatsTap.class);
  static final String SUBJECT = "world.updates.>";

  private final Connection connection;

  private NatsTap(Connection connection) {
    this.connection = connection;
  }

  /**
   * Connects to {@code url} and subscribes; {@code sink} gets each message on a NATS thread. Once
   * connected it reconnects by itself forever; if the first attempt fails it throws, and the caller
   * tries again later.
   */
  static NatsTap connect(String url, Consumer<BusMessage> sink) throws java.io.IOException {
    Options options = new Options.Builder().server(url).connectionName("scrying-console-tap")
        .maxReconnects(-1).reconnectWait(Duration.ofMillis(500)).connectionTimeout(Duration.ofSeconds(2))
        .errorListener(new QuietErrors()).build();
    try {
      Connection c = Nats.connect(options);
      Dispatcher d = c.createDispatcher(m -> sink.accept(
          new BusMessage(m.getSubject(), new String(m.getData(), StandardCharsets.UTF_8), Micros.now())));
      d.subscribe(SUBJECT);
      return new NatsTap(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.IOException("interrupted while connecting to NATS", e);
    }
  }

  /** True when a NATS at {@code natsUrl} can be reached from here: not a loopback address of another machine. */
  static boolean reachable(String natsUrl, String serverUrl) {
    if (natsUrl == null || natsUrl.isBlank()) {
      return false;
    }
    return !isLoopback(firstHost(natsUrl)) || isLoopback(URI.create(serverUrl).getHost());
  }

  private static String firstHost(String urls) {
    String first = urls.split(",")[0].strip();
    URI u = URI.create(first.contains("://") ? first : "nats://" + first);
    return u.getHost() == null ? "" : u.getHost();
  }

  private static boolean isLoopback(String host) {
    return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("::1"));
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reconnect noise belongs in the status bar, not the log: the server reports its own NATS state. */
  private static final class QuietErrors implements io.nats.client.ErrorListener {
    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
      LOG.debug("console NATS tap: {}", exp.toString());
    }
  }
}
