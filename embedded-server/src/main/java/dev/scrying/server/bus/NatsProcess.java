package dev.scrying.server.bus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code nats-server} child process on loopback ports fixed at creation (so stop then start, the
 * console's failure rehearsal, brings it back where clients expect it), with JetStream and its log under
 * {@code <dataDir>/nats/}. Thread-safe; a shutdown hook and {@link #close()} never leave the child running,
 * and a child orphaned by a killed JVM is stopped on the next start.
 */
public final class NatsProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NatsProcess.class);
  private static final String HOST = "127.0.0.1";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  private static final long MAX_FILE_STORE = 2L * 1024 * 1024 * 1024;
  private static final long MAX_MEMORY_STORE = 256L * 1024 * 1024;

  private final Path binary;
  private final Path dir;
  private final int port;
  private final int monitorPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
  private final @Nullable NatsPermissions permissions;
  private final Thread shutdownHook;
  private final java.util.concurrent.CountDownLatch closedSignal = new java.util.concurrent.CountDownLatch(1);
  /** How long the JVM-exit hook waits for the owner to close this process in order before stopping it itself. */
  private static final long SHUTDOWN_GRACE_MILLIS = 3_000;
  private volatile @Nullable Process process; // written under this; read freely so the UI never waits on start()
  private boolean hookInstalled; // guarded by this
  private boolean closed; // guarded by this

  private NatsProcess(Path binary, Path dataDir, int port, int monitorPort, @Nullable NatsPermissions permissions) {
    this.binary = binary;
    this.dir = dataDir.resolve("nats");
    this.port = port;
    this.monitorPort = monitorPort;
    this.permissions = permissions;
    this.shutdownHook = new Thread(this::stopForShutdown, "nats-server-shutdown");
  }

  /** A process on the given ports (0 = pick a free one), not started yet. */
  public static NatsProcess create(Path binary, Path dataDir, int port, int monitorPort) throws IOException {
    return create(binary, dataDir, port, monitorPort, null);
  }

  /** As {@link #create(Path, Path, int, int)}, with per-user permissions when {@code permissions} is not null. */
  public static NatsProcess create(Path binary, Path dataDir, int port, int monitorPort,
      @Nullable NatsPermissions permissions) throws IOException {
    if (port > 0 && monitorPort > 0) {
      return new NatsProcess(binary, dataDir, port, monitorPort, permissions);
    }
    int[] free = freePorts(2);
    return new NatsProcess(binary, dataDir, port > 0 ? port : free[0], monitorPort > 0 ? monitorPort : free[1],
        permissions);
  }

  /**
   * Starts a server on free ports. Another program can grab a port between our probe and the server's
   * bind, so start-up is retried on fresh ports a few times.
   */
  public static NatsProcess start(Path binary, Path dataDir) throws IOException {
    return start(binary, dataDir, null);
  }

  /** As {@link #start(Path, Path)}; with {@code permissions}, only their users may connect. */
  public static NatsProcess start(Path binary, Path dataDir, @Nullable NatsPermissions permissions) throws IOException {
    IOException last = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      NatsProcess p = create(binary, dataDir, 0, 0, permissions);
      try {
        p.start();
        return p;
      } catch (IOException e) {
        p.close();
        last = e;
        LOG.warn("nats-server did not start (attempt {}): {}", attempt, e.getMessage());
      }
    }
    throw last;
  }

  /**
   * The nats-server to run: {@code configured} if it is an executable file, else the first
   * {@code nats-server} on PATH, else /usr/sbin or /usr/local/bin.
   */
  public static Optional<Path> findBinary(Optional<Path> configured) {
    if (configured.isPresent()) {
      if (isExecutable(configured.get())) {
        return configured;
      }
      LOG.warn("configured nats-server {} is not an executable file; searching PATH instead", configured.get());
    }
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(java.io.File.pathSeparator)) {
        if (!entry.isBlank()) {
          candidates.add(Path.of(entry, "nats-server"));
        }
      }
    }
    candidates.add(Path.of("/usr/sbin/nats-server"));
    candidates.add(Path.of("/usr/local/bin/nats-server"));
    return candidates.stream().filter(NatsProcess::isExecutable).findFirst();
  }

  private static boolean isExecutable(Path p) {
    return Files.isRegularFile(p) && Files.isExecutable(p);
  }

  /**
   * Writes the config and starts the server, returning once it accepts connections and reports healthy.
   * Does nothing if it is already running.
   *
   * @throws IOException if it exits or is not ready within 10 s (the message quotes the end of its log)
   */
  public synchronized void start() throws IOException {
    if (closed) {
      throw new IllegalStateException("nats-server process handle is closed");
    }
    if (isRunning()) {
      return;
    }
    Files.createDirectories(jetStreamDir());
    stopOrphan();
    writeConfig();
    ProcessBuilder pb = new ProcessBuilder(binary.toString(), "-c", configFile().toString())
        .redirectErrorStream(true)
        // Start-up errors (bad config, a port in use) are printed before the log file is open.
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    if (!hookInstalled) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      hookInstalled = true;
    }
    Process p = pb.start();
    process = p;
    LOG.info("started nats-server (pid {}) on {} (monitoring {}, log {})", p.pid(), url(), monitorUrl(), logFile());
    try {
      awaitReady(p);
    } catch (IOException e) {
      stop();
      throw e;
    }
  }

  /** SIGTERM (nats-server flushes JetStream and exits), then SIGKILL if it has not gone after 5 s. */
  public synchronized void stop() {
    Process p = process;
    process = null;
    if (p == null) {
      return;
    }
    terminate(p.toHandle());
    try {
      // A stale pid file could one day name an unrelated process; only a live server's file matters.
      Files.deleteIfExists(pidFile());
    } catch (IOException e) {
      LOG.debug("could not delete {}: {}", pidFile(), e.toString());
    }
    LOG.info("stopped nats-server (pid {}, exit code {})", p.pid(), p.isAlive() ? "?" : p.exitValue());
  }

  /** Stops the server if it is running and starts it again on the same ports. */
  public synchronized void restart() throws IOException {
    stop();
    start();
  }

  /** The users and permissions of this server; empty when anyone may connect (tests, external use). */
  public Optional<NatsPermissions> permissions() {
    return Optional.ofNullable(permissions);
  }

  /**
   * The player's credentials (made on first use). New credentials are written into the config and the
   * running server reloads it before this returns, so they work at once.
   *
   * @throws IllegalStateException if this server runs without permissions
   */
  public NatsCredentials grant(String userId) throws IOException {
    if (permissions == null) {
      throw new IllegalStateException("this nats-server runs without per-user permissions");
    }
    NatsPermissions.Grant g = permissions.player(userId);
    if (g.created()) {
      reload();
    }
    return g.credentials();
  }

  /** Rewrites the config and, if the server runs, makes it reload it before returning. */
  public synchronized void reload() throws IOException {
    writeConfig();
    Process p = process;
    if (p != null && p.isAlive()) {
      new NatsReload(binary, monitorUrl(), logFile(), http, READY_TIMEOUT).reload(p);
      LOG.info("nats-server (pid {}) reloaded its users and permissions", p.pid());
    }
  }

  public boolean isRunning() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** The running child, for tests and diagnostics. */
  public Optional<ProcessHandle> processHandle() {
    return Optional.ofNullable(process).map(Process::toHandle);
  }

  public String url() {
    return "nats://" + HOST + ":" + port;
  }

  public String monitorUrl() {
    return "http://" + HOST + ":" + monitorPort;
  }

  public int port() {
    return port;
  }

  public int monitorPort() {
    return monitorPort;
  }

  public Path logFile() {
    return dir.resolve("nats-server.log");
  }

  public Path configFile() {
    return dir.resolve("nats-server.conf");
  }

  private Path pidFile() {
    return dir.resolve("nats-server.pid");
  }

  private Path jetStreamDir() {
    return dir.resolve("jetstream");
  }

  /** Stops the server for good and removes the shutdown hook. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop();
    closedSignal.countDown();
    if (hookInstalled) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down; the hook is running or has run.
      }
      hookInstalled = false;
    }
  }

  private void stopForShutdown() {
    // The owner's own shutdown hook usually closes the bus and then this process in order; stopping
    // nats-server first would make the bus log a lost connection on every Ctrl+C.
    try {
      closedSignal.await(SHUTDOWN_GRACE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // No lock: a thread stuck inside start() must not keep the child alive past the JVM.
    Process p = process;
    if (p != null) {
      terminate(p.toHandle());
    }
  }

  private void writeConfig() throws IOException {
    String conf = """
        # Written by Scrying on every start; edits are overwritten.
        listen: "%s:%d"
        http: "%s:%d"
        jetstream {
          store_dir: %s
          max_file_store: %d
          max_memory_store: %d
        }
        log_file: %s
        pid_file: %s
        """.formatted(HOST, port, HOST, monitorPort, quote(jetStreamDir()), MAX_FILE_STORE, MAX_MEMORY_STORE,
        quote(logFile()), quote(pidFile()));
    if (permissions != null) {
      permissions.save();
      conf += permissions.authorizationBlock();
    }
    Path tmp = dir.resolve("nats-server.conf.tmp");
    Files.writeString(tmp, conf, StandardCharsets.UTF_8);
    // The config holds passwords when permissions are on.
    NatsPermissions.ownerOnly(tmp);
    Files.move(tmp, configFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** A NATS config string literal; paths may contain spaces, quotes or backslashes (Windows). */
  static String quote(Path p) {
    return "\"" + p.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private void awaitReady(Process p) throws IOException {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (true) {
      if (!p.isAlive()) {
        throw new IOException("nats-server exited with code " + p.exitValue() + " during start-up; log tail:\n"
            + logTail());
      }
      if (acceptsTcp() && healthy()) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IOException("nats-server not ready on " + url() + " after " + READY_TIMEOUT.toSeconds()
            + " s; log tail:\n" + logTail());
      }
      try {
        // Poll interval that also returns at once if the process dies.
        p.waitFor(20, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for nats-server", e);
      }
    }
  }

  private boolean acceptsTcp() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(HOST, port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private boolean healthy() {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create(monitorUrl() + "/healthz"))
          .timeout(Duration.ofMillis(500)).GET().build();
      return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * A nats-server left behind by a JVM that was killed would share our JetStream store. Stop it, unless
   * a live Java process (another Scrying, or another handle in this JVM) still owns it.
   */
  private void stopOrphan() throws IOException {
    Path pid = pidFile();
    if (!Files.exists(pid)) {
      return;
    }
    Optional<ProcessHandle> old;
    try {
      old = ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
          .filter(ProcessHandle::isAlive)
          .filter(h -> h.info().command().map(c -> c.endsWith("nats-server")).orElse(false));
    } catch (NumberFormatException e) {
      old = Optional.empty();
    }
    if (old.isEmpty()) {
      return;
    }
    ProcessHandle h = old.get();
    boolean owned = h.parent()
        .filter(ProcessHandle::isAlive)
        .flatMap(parent -> parent.info().command())
        .map(c -> c.endsWith("java"))
        .orElse(false);
    if (owned) {
      throw new IOException("another running process owns the nats-server (pid " + h.pid() + ") of " + dir);
    }
    LOG.warn("stopping nats-server pid {} left running by an earlier run that did not shut down cleanly", h.pid());
    terminate(h);
  }

  private static void terminate(ProcessHandle h) {
    if (!h.isAlive()) {
      return;
    }
    h.destroy();
    if (!waitForExit(h)) {
      LOG.warn("nats-server pid {} ignored SIGTERM for {} s; killing it", h.pid(), STOP_TIMEOUT.toSeconds());
      h.destroyForcibly();
      if (!waitForExit(h)) {
        LOG.error("nats-server pid {} survived SIGKILL", h.pid());
      }
    }
  }

  private static boolean waitForExit(ProcessHandle h) {
    try {
      h.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !h.isAlive();
    } catch (java.util.concurrent.ExecutionException e) {
      return !h.isAlive();
    }
  }

  private String logTail() {
    try (Stream<String> lines = Files.lines(logFile(), StandardCharsets.UTF_8)) {
      List<String> all = lines.toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - 15), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /** Distinct free loopback ports; the sockets are held together so that the ports differ. */
  static int[] freePorts(int n) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST));
        sockets.add(s);
        ports[i] = s.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket s : sockets) {
        s.close();
      }
    }
  }
}
