package dev.scrying.console.model;

import dev.scrying.console.model.history.HistoryViewModel;
import dev.scrying.console.model.latency.ClientStamps;
import dev.scrying.console.model.latency.LatencyViewModel;
import dev.scrying.console.model.mirror.MirrorViewModel;
import dev.scrying.console.model.players.PlayersViewModel;
import dev.scrying.console.model.scenario.ScenarioViewModel;
import dev.scrying.console.model.rehearse.RehearseViewModel;
import dev.scrying.console.model.status.StatusBarViewModel;
import dev.scrying.console.model.stream.FrameEvents;
import dev.scrying.console.model.stream.StreamEvents;
import dev.scrying.console.model.stream.StreamViewModel;
import dev.scrying.console.model.world.WorldViewModel;
import dev.scrying.console.session.BusMessage;
import dev.scrying.console.session.ServerAction;
import dev.scrying.console.session.ServerSession;
import dev.scrying.console.session.ServerStatus;
import dev.scrying.console.session.SessionException;
import dev.scrying.console.session.SessionListener;
import dev.scrying.scenarios.client.Frame;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's root view model: starts (or connects to) the server, owns every panel's view model,
 * routes what the session reports to them, polls the status, and remembers the page and theme.
 * Server work runs on its own worker thread; values change only on the UI thread through
 * {@link UiDispatch}. Call {@link #start} once from the UI thread; {@link #close} stops everything,
 * including an embedded server. A failed start shows as {@link ServerPhase#FAILED} with the reason.
 */
public final class MainViewModel implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);
  public static final String NO_VALUE = "—";

  private final Value<ServerPhase> phase = new Value<>(ServerPhase.STOPPED);
  private final Value<String> serverUrl = new Value<>(NO_VALUE);
  private final Value<String> experienceId = new Value<>(NO_VALUE);
  private final Value<String> sessionKind = new Value<>("");
  private final Value<String> status = new Value<>("Server stopped");
  private final Value<Boolean> darkTheme = new Value<>(false);
  private final Value<Page> page = new Value<>(Page.WORLD);

  private final Callable<? extends ServerSession> starter;
  private final UiDispatch ui;
  private final Duration pollEvery;
  private final ScheduledExecutorService worker = Workers.single("console-worker");
  private final ExecutorService jobs = Workers.pool("console-jobs");
  private final ScheduledExecutorService pacer = Workers.single("stream-pacer");
  private final AtomicBoolean closed = new AtomicBoolean();
  private final TraceBook traces = new TraceBook();
  private final StreamEvents events = new StreamEvents(traces);
  private final FrameEvents frameEvents = new FrameEvents(traces);
  private final Notices notices;
  private final StatusBarViewModel statusBar = new StatusBarViewModel();
  private final StreamViewModel stream;
  private final WorldViewModel world;
  private final LatencyViewModel latency;
  private final HistoryViewModel history;
  private final RehearseViewModel rehearse;
  private final ClientStamps stamps;
  private final PlayersViewModel players;
  private final MirrorViewModel mirror;
  private final ScenarioViewModel scenarios;
  private final List<String> startingPlayers;
  private final dev.scrying.console.model.admin.AdminCommands admin;

  // Written by the worker, read by close() after the worker has stopped.
  private volatile ServerSession session;
  private volatile Runnable stopListening = () -> { };
  private boolean lastPollFailed; // worker only

  /**
   * @param starter starts the server or connects to one; runs on the worker thread
   * @param ui hands updates to the UI thread
   * @param pollEvery how often to read the server's status
   * @param startingPlayers simulated players to connect once the server runs
   */
  public MainViewModel(Callable<? extends ServerSession> starter, UiDispatch ui, Duration pollEvery,
      List<String> startingPlayers) {
    this.starter = starter;
    this.startingPlayers = List.copyOf(startingPlayers);
    this.ui = ui;
    this.pollEvery = pollEvery;
    this.notices = new Notices(ui);
    this.stream = new StreamViewModel(ui, jobs, StreamViewModel.DEFAULT_CAPACITY, pacer);
    this.world = new WorldViewModel(ui, Workers.single("world-reader"), notices);
    this.latency = new LatencyViewModel(ui, Workers.single("latency"));
    this.history = new HistoryViewModel(ui, notices);
    this.rehearse = new RehearseViewModel(ui, notices, System::currentTimeMillis);
    this.stamps = new ClientStamps(latency);
    this.admin = new dev.scrying.console.model.admin.AdminCommands(ui, notices);
    this.players = new PlayersViewModel(ui, notices, this::frame);
    this.scenarios = new ScenarioViewModel(ui, notices, players::handle, this::frame);
    this.mirror = new MirrorViewModel(ui, id -> players.player(id).or(() -> scenarios.player(id)));
    stream.players().observe(p -> rehearse.setPlayers(knownPlayers()));
    players.cards().observe(c -> {
      rehearse.setPlayers(knownPlayers());
      mirror.setChoices(players.ids());
    });
  }

  /** The simulated players and everyone the stream has seen, for "cut a connection". UI thread. */
  private List<String> knownPlayers() {
    TreeSet<String> all = new TreeSet<>(stream.players().get());
    all.addAll(players.ids());
    all.remove("scrying-console");
    return List.copyOf(all);
  }

  /** Every frame of every simulated player, on the network thread it arrived on. */
  private void frame(Frame f) {
    stream.accept(frameEvents.of(f));
    stamps.frame(f);
    mirror.frame(f);
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
      String reason = e instanceof SessionException || e.getMessage() == null ? SessionException.of(e).getMessage() : e.getMessage();
      String wayForward = e instanceof SessionException s2 ? s2.wayForward()
          : "Check the terminal log; docs/OPERATOR.md lists the usual causes.";
      ui.post(() -> {
        phase.set(ServerPhase.FAILED);
        status.set("Server failed to start: " + reason);
        notices.report(Notice.problem("Server failed to start: " + reason, wayForward));
      });
      return;
    }
    session = s;
    LOG.info("server ready at {}, {} ms after launch", s.baseUrl(), Workers.sinceLaunchMillis());
    stopListening = s.listen(new Feed());
    world.attach(s);
    latency.attach(s);
    players.attach(s, startingPlayers);
    String running = "Server running at " + s.baseUrl() + "  ·  " + s.location();
    ui.post(() -> {
      phase.set(ServerPhase.RUNNING);
      serverUrl.set(s.baseUrl());
      experienceId.set(s.experienceId());
      sessionKind.set(s.kind().label());
      status.set(running);
      statusBar.sessionStarted(s.baseUrl(), s.kind());
      history.attach(s);
      rehearse.attach(s);
      admin.attach(s);
      scenarios.refresh();
    });
    worker.scheduleWithFixedDelay(this::poll, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void poll() {
    try {
      ServerStatus s = session.status().get(10, TimeUnit.SECONDS);
      lastPollFailed = false;
      world.versionSeen(s.version());
      history.gitVersionSeen(s.gitVersion());
      ui.latest("status", () -> {
        statusBar.show(s);
        rehearse.statusSeen(s);
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // An exception would silently cancel the periodic task; report it and poll again next time.
      SessionException why = SessionException.of(e);
      if (!lastPollFailed) {
        LOG.warn("reading the server status failed: {}", why.getMessage());
      }
      lastPollFailed = true;
      ui.latest("status", () -> statusBar.unreachable(why));
    }
  }

  /** Routes what the session reports to the panels; runs on the session's feed thread. */
  private final class Feed implements SessionListener {
    @Override
    public void action(ServerAction a) {
      stream.accept(events.action(a));
      world.actionSeen(a);
      latency.actionSeen(a);
    }

    @Override
    public void busMessage(BusMessage m) {
      stream.accept(events.bus(m));
    }

    @Override
    public void busChanged() {
      if (!closed.get()) {
        worker.execute(MainViewModel.this::poll);
      }
    }
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

  /** "embedded" or "connected", empty until the server runs. */
  public Value<String> sessionKind() {
    return sessionKind;
  }

  /** One line describing the server's state. */
  public Value<String> status() {
    return status;
  }

  public Value<Boolean> darkTheme() {
    return darkTheme;
  }

  public void toggleTheme() {
    darkTheme.set(!darkTheme.get());
  }

  public Value<Page> page() {
    return page;
  }

  public void show(Page p) {
    page.set(p);
  }

  public Notices notices() {
    return notices;
  }

  public StatusBarViewModel statusBar() {
    return statusBar;
  }

  public StreamViewModel stream() {
    return stream;
  }

  public WorldViewModel world() {
    return world;
  }

  public LatencyViewModel latency() {
    return latency;
  }

  public HistoryViewModel history() {
    return history;
  }

  public RehearseViewModel rehearse() {
    return rehearse;
  }

  public dev.scrying.console.model.admin.AdminCommands admin() {
    return admin;
  }

  public PlayersViewModel players() {
    return players;
  }

  public MirrorViewModel mirror() {
    return mirror;
  }

  public ScenarioViewModel scenarios() {
    return scenarios;
  }

  /** Shared by the stream and the panels that add their own events (players, scenarios). */
  public StreamEvents events() {
    return events;
  }

  /** The running session, or null before it started. */
  public ServerSession session() {
    return session;
  }

  /**
   * Stops polling, waits for a start in progress, then closes the session (stopping an embedded
   * server). Blocks for a few seconds at most; later calls do nothing, so both the window and a
   * shutdown hook may call it.
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
    stopListening.run();
    scenarios.close();
    players.close();
    mirror.close();
    latency.close();
    pacer.shutdownNow();
    jobs.shutdownNow();
    ServerSession s = session;
    if (s != null) {
      s.close();
    }
  }
}
