package dev.scrying.console.model;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the main window: server phase, URL, experience, world version and world JSON. Starts the
 * server and polls it on its own worker thread and changes its {@link Value}s only on the UI thread,
 * through {@link UiDispatch}. Call {@link #start} and {@link #toggleTheme} from the UI thread;
 * {@link #close} stops polling and the server. A failed start shows as {@link ServerPhase#FAILED}.
 */
public final class MainViewModel implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);
  public static final String NO_VALUE = "—";

  private final Value<ServerPhase> phase = new Value<>(ServerPhase.STOPPED);
  private final Value<String> serverUrl = new Value<>(NO_VALUE);
  private final Value<String> experienceId = new Value<>(NO_VALUE);
  private final Value<String> version = new Value<>(NO_VALUE);
  private final Value<WorldSnapshot> world = new Value<>(null);
  private final Value<String> status = new Value<>("Server stopped");
  private final Value<Boolean> darkTheme = new Value<>(false);

  private final Callable<? extends ServerSession> starter;
  private final UiDispatch ui;
  private final Duration pollEvery;
  private final ScheduledThreadPoolExecutor worker;
  private final AtomicBoolean closed = new AtomicBoolean();

  // Confined to the worker thread.
  private long shownWorldVersion = -1;
  private boolean worldReadInFlight;
  private String runningStatus;
  private boolean lastReadFailed;
  // Written by the worker, read by close() after the worker has stopped.
  private volatile ServerSession session;

  /**
   * @param starter starts the server; runs on the worker thread
   * @param ui hands updates to the UI thread
   * @param pollEvery how often to check the world version
   */
  public MainViewModel(Callable<? extends ServerSession> starter, UiDispatch ui, Duration pollEvery) {
    this.starter = starter;
    this.ui = ui;
    this.pollEvery = pollEvery;
    this.worker = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = Executors.defaultThreadFactory().newThread(r);
      t.setName("console-worker");
      t.setDaemon(true);
      return t;
    });
    worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  public Value<ServerPhase> phase() {
    return phase;
  }

  public Value<String> serverUrl() {
    return serverUrl;
  }

  public Value<String> experienceId() {
    return experienceId;
  }

  /** The world version as text: digits once known, {@link #NO_VALUE} before. */
  public Value<String> version() {
    return version;
  }

  /** The last world copy read, or null before the first read. */
  public Value<WorldSnapshot> world() {
    return world;
  }

  /** One line for the status bar. */
  public Value<String> status() {
    return status;
  }

  public Value<Boolean> darkTheme() {
    return darkTheme;
  }

  public void toggleTheme() {
    darkTheme.set(!darkTheme.get());
  }

  /** Starts the server off the UI thread; shows "Starting server…" until it is up. Call once. */
  public void start() {
    phase.set(ServerPhase.STARTING);
    status.set("Starting server…");
    worker.execute(this::startServer);
  }

  private void startServer() {
    ServerSession s;
    try {
      s = starter.call();
    } catch (Exception e) {
      LOG.error("server failed to start", e);
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      ui.post(() -> {
        phase.set(ServerPhase.FAILED);
        status.set("Server failed to start: " + reason);
      });
      return;
    }
    session = s;
    String running = "Server running at " + s.baseUrl() + "  ·  data in " + s.dataDir();
    runningStatus = running;
    ui.post(() -> {
      phase.set(ServerPhase.RUNNING);
      serverUrl.set(s.baseUrl());
      experienceId.set(s.experienceId());
      status.set(running);
    });
    worker.scheduleWithFixedDelay(this::poll, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void poll() {
    try {
      long v = session.version();
      ui.latest("version", () -> version.set(Long.toString(v)));
      if (v != shownWorldVersion && !worldReadInFlight) {
        readWorld();
      }
    } catch (RuntimeException e) {
      // An exception would silently cancel the periodic task; log it and poll again next time.
      LOG.warn("polling the server failed", e);
    }
  }

  private void readWorld() {
    worldReadInFlight = true;
    String running = runningStatus;
    session.world().whenCompleteAsync((snapshot, error) -> {
      worldReadInFlight = false;
      if (error != null) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (!lastReadFailed) {
          // Once per streak: a stuck engine would otherwise log on every poll.
          LOG.warn("reading the world failed", cause);
        }
        lastReadFailed = true;
        ui.latest("world-status", () -> status.set("Could not read the world: " + cause.getMessage()));
        return;
      }
      lastReadFailed = false;
      shownWorldVersion = snapshot.version();
      ui.latest("world", () -> world.set(snapshot));
      ui.latest("world-status", () -> status.set(running));
    }, worker);
  }

  /**
   * Stops polling, waits for a start in progress, then stops the server. Blocks for at most a few
   * seconds; later calls do nothing, so both the window and a shutdown hook may call it.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    worker.shutdown();
    try {
      if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("console worker did not stop in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ServerSession s = session;
    if (s != null) {
      s.close();
    }
  }
}
