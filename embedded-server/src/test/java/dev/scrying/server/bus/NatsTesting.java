package dev.scrying.server.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Assumptions;

/** Shared bits of the bus tests: the nats-server binary (or a clear skip), waiting, recording handlers. */
final class NatsTesting {
  private NatsTesting() {}

  static Path binaryOrSkip() {
    Optional<Path> binary = NatsProcess.findBinary(Optional.empty());
    Assumptions.assumeTrue(binary.isPresent(),
        "no nats-server binary on PATH, /usr/sbin or /usr/local/bin: skipping tests that need a real NATS server");
    return binary.get();
  }

  static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10));
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A plain jnats client, as an outside consumer or publisher would be; reconnects forever. */
  static Connection outsideClient(String url) throws IOException, InterruptedException {
    return Nats.connect(new Options.Builder().server(url).connectionName("test-outside").maxReconnects(-1)
        .reconnectWait(Duration.ofMillis(100)).build());
  }

  /**
   * A client of a managed bus's nats-server, which has per-user permissions: it connects as the
   * server's own user (the only one allowed to publish and to read every subject).
   */
  static Connection operatorClient(FailoverBus bus) throws IOException, InterruptedException {
    NatsProcess p = bus.process().orElseThrow();
    NatsCredentials server = p.permissions().orElseThrow().server();
    return Nats.connect(new Options.Builder().server(p.url()).userInfo(server.user(), server.password())
        .connectionName("test-operator").maxReconnects(-1).reconnectWait(Duration.ofMillis(100)).build());
  }

  /** Collects payloads as strings, with the names of the threads that delivered them. */
  static final class Recorder implements Consumer<byte[]> {
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void accept(byte[] payload) {
      threads.add(Thread.currentThread().getName());
      received.add(new String(payload, StandardCharsets.UTF_8));
    }

    void awaitCount(int n) {
      eventually().untilAsserted(() -> assertThat(received).hasSizeGreaterThanOrEqualTo(n));
    }
  }

  static List<Thread> liveThreads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
        .toList();
  }
}
