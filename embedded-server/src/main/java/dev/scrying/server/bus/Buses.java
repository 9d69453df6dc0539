package dev.scrying.server.bus;

import dev.scrying.server.bus.BusStatus.Mode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link FailoverBus} the server runs on. Every bus returned owns what was started for it
 * (the nats-server process included) and releases it on close. None of these fail because NATS is
 * missing or down: they degrade to in-process delivery and say so in the status and the log.
 */
public final class Buses {
  private static final Logger LOG = LoggerFactory.getLogger(Buses.class);

  private Buses() {}

  /**
   * Runs our own nats-server ({@code binary}, usually {@code NatsProcess.findBinary(configured)}) with
   * its data under {@code dataDir}/nats. Without a binary, or if the server will not start, the bus is
   * in-process only (respectively: connected later, once the console's "start NATS" succeeds).
   */
  public static FailoverBus managed(Path dataDir, Optional<Path> binary) {
    return managed(dataDir, binary, true);
  }

  /** As {@link #managed(Path, Optional)}; {@code mirror} says whether to keep the JetStream copy of the updates. */
  public static FailoverBus managed(Path dataDir, Optional<Path> binary, boolean mirror) {
    if (binary.isEmpty()) {
      LOG.warn("NATS UNAVAILABLE: no nats-server binary found (configured path, PATH, /usr/sbin, /usr/local/bin);"
          + " world updates use in-process delivery only. Install nats-server or configure its path.");
      return new FailoverBus(null, null,
          BusStatus.IN_PROCESS_DETAIL + " (no nats-server binary found)");
    }
    // Per-user permissions: the server's own user publishes; each player may read only its own subject.
    NatsPermissions permissions = new NatsPermissions(dataDir.resolve("nats"));
    NatsProcess process;
    try {
      process = NatsProcess.start(binary.get(), dataDir, permissions);
    } catch (IOException e) {
      // Keep a process handle on fixed ports so that "start NATS" in the console can still bring it up.
      LOG.warn("NATS UNAVAILABLE: nats-server {} did not start ({}); world updates use in-process delivery"
          + " until it does", binary.get(), e.getMessage());
      try {
        process = NatsProcess.create(binary.get(), dataDir, 0, 0, permissions);
      } catch (IOException noPorts) {
        LOG.warn("no free loopback ports for nats-server: {}", noPorts.getMessage());
        return new FailoverBus(null, null, BusStatus.IN_PROCESS_DETAIL + " (nats-server did not start)");
      }
    }
    NatsBus nats = NatsBus.start(NatsBus.Settings.of(process.url(), Mode.MANAGED).withCredentials(permissions.server())
        .withMirror(mirror));
    return new FailoverBus(nats, process, BusStatus.IN_PROCESS_DETAIL);
  }

  /** Connects to a server or cluster run elsewhere; {@code urls} is one URL or a comma-separated list. */
  public static FailoverBus external(String urls) {
    return external(urls, true);
  }

  /** As {@link #external(String)}; {@code mirror} says whether to create the JetStream copy of the updates. */
  public static FailoverBus external(String urls, boolean mirror) {
    return new FailoverBus(NatsBus.start(NatsBus.Settings.of(urls, Mode.EXTERNAL).withMirror(mirror)), null,
        BusStatus.IN_PROCESS_DETAIL);
  }

  /** No NATS at all, on purpose (tests, or a configuration that turns NATS off). */
  public static FailoverBus inProcess() {
    return new FailoverBus(null, null, BusStatus.IN_PROCESS_DETAIL);
  }
}
