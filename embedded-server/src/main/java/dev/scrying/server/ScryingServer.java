package dev.scrying.server;

import dev.scrying.experiences.content.Experience;
import dev.scrying.experiences.content.ExperienceLoader;
import dev.scrying.server.auth.TokenService;
import dev.scrying.server.http.HttpApi;
import dev.scrying.server.narrative.NarratorSettings;
import dev.scrying.server.bus.Buses;
import dev.scrying.server.bus.FailoverBus;
import dev.scrying.server.bus.NatsProcess;
import dev.scrying.server.realtime.BusPlayerEvents;
import dev.scrying.server.realtime.PlayerEvents;
import dev.scrying.server.realtime.RealtimeHub;
import dev.scrying.server.realtime.TraceRegistry;
import dev.scrying.server.store.StorageFaults;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded game server: every experience's engine and state folder plus the HTTP API. Start it
 * with {@link #start}; {@link #close} tells every connected client the server is restarting (WebSocket
 * close 1012, a clean end of each SSE stream; see {@link RealtimeHub#close()}), stops the HTTP server,
 * then drains each engine, so that every acknowledged command is on disk when it returns.
 */
public final class ScryingServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScryingServer.class);
  /** The status lists at most this many players; at bench scale the total says the rest. */
  private static final int STATUS_PLAYERS = 200;

  private final ServerConfig config;
  private final Map<String, ExperienceRuntime> runtimes;
  private final TokenService tokens;
  private final RealtimeHub hub;
  private final FailoverBus bus;
  private final Javalin http;
  private final long startedAt = System.currentTimeMillis();

  private ScryingServer(ServerConfig config, Map<String, ExperienceRuntime> runtimes, TokenService tokens,
      PlayerEvents events, TraceRegistry traces, FailoverBus bus) {
    this.bus = bus;
    this.config = config;
    this.runtimes = runtimes;
    this.tokens = tokens;
    this.hub = new RealtimeHub(events, traces, config.limits());
    this.http = HttpApi.create(this);
  }

  public static ScryingServer start(ServerConfig config) throws IOException {
    return start(config, Clock.systemUTC(), StorageFaults.NONE);
  }

  public static ScryingServer start(ServerConfig config, Clock clock, StorageFaults faults) throws IOException {
    return start(config, clock, faults, NarratorSettings.fromEnvironment(System.getenv()));
  }

  public static ScryingServer start(ServerConfig config, Clock clock, StorageFaults faults, NarratorSettings narration)
      throws IOException {
    Files.createDirectories(config.dataDir());
    // The nats-server takes a second or so to come up: start it while the experiences load.
    java.util.concurrent.FutureTask<FailoverBus> busStart = new java.util.concurrent.FutureTask<>(() -> bus(config));
    Thread starter = new Thread(busStart, "bus-start");
    starter.setDaemon(true);
    starter.start();
    Map<String, ExperienceRuntime> runtimes = new LinkedHashMap<>();
    try {
      Map<String, Experience> experiences = config.contentDir() == null
          ? Map.of(ExperienceLoader.DEFAULT_EXPERIENCE, ExperienceLoader.loadBundled(ExperienceLoader.DEFAULT_EXPERIENCE))
          : ExperienceLoader.loadAll(config.contentDir());
      if (experiences.isEmpty()) {
        throw new IllegalArgumentException("no experiences found in " + config.contentDir());
      }
      for (Experience e : experiences.values()) {
        runtimes.put(e.id(), new ExperienceRuntime(e, config.dataDir(), clock, faults, narration));
      }
    } catch (IOException | RuntimeException e) {
      for (ExperienceRuntime r : runtimes.values()) {
        r.close();
      }
      closeWhenStarted(busStart);
      throw e;
    }
    FailoverBus bus;
    try {
      bus = busStart.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      for (ExperienceRuntime r : runtimes.values()) {
        r.close();
      }
      throw new IOException("interrupted while starting the event bus", e);
    } catch (java.util.concurrent.ExecutionException e) {
      for (ExperienceRuntime r : runtimes.values()) {
        r.close();
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException("cannot start the event bus", e.getCause());
    }
    byte[] secret = config.tokenSecret() != null ? config.tokenSecret() : secret(config.dataDir());
    BusPlayerEvents events = new BusPlayerEvents(bus, (experience, user, version) -> {
      ExperienceRuntime r = runtimes.get(experience);
      return r == null ? null : r.eventLog().find(user, version);
    });
    TraceRegistry traces = new TraceRegistry();
    // Traces first, so a connection that receives an event can always find its trace.
    runtimes.values().forEach(r -> r.engine().addListener(traces));
    runtimes.values().forEach(r -> r.engine().addListener(events));
    ScryingServer server = new ScryingServer(config, runtimes, new TokenService(secret, clock), events, traces, bus);
    try {
      server.http.start(config.host(), config.port());
    } catch (RuntimeException e) {
      // A port in use must not leave engines running and the state folders locked.
      server.close();
      throw e;
    }
    LOG.info("Scrying server on {} with experiences {}", server.baseUrl(), runtimes.keySet());
    return server;
  }

  /** Closes the bus once its start finishes (the experiences failed; nobody will use it). */
  private static void closeWhenStarted(java.util.concurrent.FutureTask<FailoverBus> busStart) {
    try {
      busStart.get().close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException ignored) {
      // It did not start either: nothing to close.
    }
  }

  private static FailoverBus bus(ServerConfig config) {
    NatsConfig n = config.nats();
    return switch (n.kind()) {
      case OFF -> Buses.inProcess();
      case EXTERNAL -> Buses.external(n.url(), n.mirror());
      case MANAGED -> Buses.managed(config.dataDir(), NatsProcess.findBinary(java.util.Optional.ofNullable(n.binary())), n.mirror());
    };
  }

  public FailoverBus bus() {
    return bus;
  }

  /** Where and as whom a player may read its own world updates straight from NATS. */
  public record NatsAccess(String url, dev.scrying.server.bus.NatsCredentials credentials, String subject) {}

  /**
   * Access to this server's own nats-server: a player gets its own subject (made on first use; the server
   * reloads its permissions before this returns), an admin the read-only observer of every player's
   * subject. Empty for an external NATS or none: we cannot issue users there.
   */
  public java.util.Optional<NatsAccess> natsAccess(dev.scrying.server.auth.Identity who) throws IOException {
    var process = bus.process().filter(p -> p.permissions().isPresent());
    if (process.isEmpty()) {
      return java.util.Optional.empty();
    }
    if (who.isAdmin()) {
      return java.util.Optional.of(new NatsAccess(process.get().url(), process.get().permissions().orElseThrow().observer(),
          dev.scrying.server.bus.Subjects.ALL_WORLD_UPDATES));
    }
    return java.util.Optional.of(new NatsAccess(process.get().url(), process.get().grant(who.userId()),
        dev.scrying.server.bus.Subjects.worldUpdates(who.userId())));
  }

  /** The token secret kept in the data folder (owner-only), created on first start. */
  private static byte[] secret(Path dataDir) throws IOException {
    Path file = dataDir.resolve("token.secret");
    if (Files.exists(file)) {
      return Files.readAllBytes(file);
    }
    byte[] s = TokenService.randomSecret();
    Files.write(file, s);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // Not a POSIX file system; the folder's own permissions apply.
    }
    return s;
  }

  public ServerConfig config() {
    return config;
  }

  public int port() {
    return http.port();
  }

  public String baseUrl() {
    String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
    return "http://" + host + ":" + port();
  }

  public RealtimeHub hub() {
    return hub;
  }

  public TokenService tokens() {
    return tokens;
  }

  public ExperienceRuntime runtime(String experienceId) {
    return runtimes.get(experienceId);
  }

  public Set<String> experienceIds() {
    return runtimes.keySet();
  }

  public long uptimeMillis() {
    return System.currentTimeMillis() - startedAt;
  }

  /** Everything the status bar shows: server, NATS, connections, versions and persistence lag. */
  public com.fasterxml.jackson.databind.node.ObjectNode status() {
    var out = dev.scrying.experiences.Json.object().put("url", baseUrl()).put("uptime_ms", uptimeMillis());
    var nats = out.putObject("nats");
    var bs = bus.status();
    nats.put("mode", bs.mode().name().toLowerCase()).put("state", bs.state().name().toLowerCase())
        .put("url", bs.url()).put("jetstream", bs.jetStream()).put("degraded", bs.degraded())
        .put("detail", bs.detail()).put("summary", bs.summary()).put("mirror", config.nats().mirror());
    bus.monitor().ifPresent(m -> {
      try {
        nats.put("subscriptions", m.subscriptionCount());
      } catch (RuntimeException | java.io.IOException e) {
        nats.put("subscriptions", -1);
      }
    });
    out.put("publish_backlog", hub.events().backlog());
    var connections = out.putObject("connections");
    connections.put("websocket", hub.count("websocket")).put("chat", hub.count("chat")).put("events", hub.count("events"))
        .put("total", hub.count()).put("queued_frames", hub.queuedFrames());
    var byPlayer = hub.byPlayer();
    var players = connections.put("players_total", byPlayer.size()).putArray("players");
    byPlayer.entrySet().stream().limit(STATUS_PLAYERS).forEach(p -> {
      var entry = players.addObject().put("user_id", p.getKey());
      p.getValue().forEach(entry::put);
    });
    var rt = Runtime.getRuntime();
    out.putObject("jvm").put("heap_used_bytes", rt.totalMemory() - rt.freeMemory())
        .put("heap_committed_bytes", rt.totalMemory()).put("heap_max_bytes", rt.maxMemory())
        .put("threads", Thread.activeCount())
        .put("cpu_time_ms", ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L))
        .put("gc_time_ms", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum())
        .put("jit_time_ms", java.lang.management.ManagementFactory.getCompilationMXBean() == null ? -1
            : java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
    var exps = out.putObject("experiences");
    for (var e : runtimes.entrySet()) {
      ExperienceRuntime r = e.getValue();
      long version = r.engine().version();
      exps.putObject(e.getKey()).put("version", version).put("git_version", r.snapshotter().committedVersion())
          .put("git_lag", version - r.snapshotter().committedVersion())
          .put("journal_queue", r.engine().queued());
    }
    return out;
  }

  /** Stops or starts the managed nats-server (failure rehearsal); false when this server owns none. */
  public boolean controlNats(boolean start) {
    var process = bus.process();
    if (process.isEmpty()) {
      return false;
    }
    try {
      if (start) {
        process.get().start();
      } else {
        process.get().stop();
      }
      return true;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("nats-server " + (start ? "start" : "stop") + " failed: " + e.getMessage(), e);
    }
  }

  /** Slows every offline narrator by {@code factor} (1 = normal); false if a narrator cannot be slowed. */
  public boolean slowNarrators(double factor) {
    boolean all = true;
    for (ExperienceRuntime r : runtimes.values()) {
      if (r.narrator() instanceof dev.scrying.server.narrative.OfflineNarrator offline) {
        offline.setPacing(r.basePacing().slowedBy(factor));
      } else {
        all = false;
      }
    }
    return all;
  }

  @Override
  public void close() {
    hub.close();
    http.stop();
    List<Exception> failures = new ArrayList<>();
    for (ExperienceRuntime r : runtimes.values()) {
      try {
        r.close();
      } catch (IOException | RuntimeException e) {
        failures.add(e);
      }
    }
    if (hub.events() instanceof AutoCloseable publisher) {
      try {
        publisher.close();
      } catch (Exception e) {
        failures.add(e);
      }
    }
    bus.close();
    failures.forEach(e -> LOG.warn("error while stopping: {}", e.toString()));
  }
}
