package dev.scrying.scenarios.run;

import dev.scrying.scenarios.client.ChainProblem;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.FrameListener;
import dev.scrying.scenarios.client.Latencies;
import dev.scrying.scenarios.client.MirrorComparison;
import dev.scrying.scenarios.client.ServerHandle;
import dev.scrying.scenarios.client.SimulatedPlayer;
import dev.scrying.scenarios.format.Budget;
import dev.scrying.scenarios.format.Expectation;
import dev.scrying.scenarios.format.Scenario;
import dev.scrying.scenarios.format.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one scenario against a server, for both the console's scenario panel and the headless CLI.
 * It connects the scenario's players (listeners first, so no frame is missed), executes the steps in
 * order, checks each step's expectations, then the final checks (every version chain intact, every
 * mirror equal to the server) and the latency budgets.
 *
 * <p>Control: {@link #start()} runs on the runner's own thread; {@link #pause()}, {@link #resume()},
 * {@link #step()} and {@link #stop()} may be called from any thread and take effect between steps.
 * {@link #run()} is the blocking form the CLI uses. Progress is reported to {@link RunListener}s (see
 * there for threading). A failing step does not end the run; an unexpected exception fails that step.
 * A runner runs its scenario once (create a new one to run again); it does not reset the world by
 * itself (scenarios start with a reset step). Close the runner to disconnect its players.
 */
public final class ScenarioRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);
  private static final Duration FINAL_CONVERGENCE = Duration.ofSeconds(10);
  private static final Duration SETTLE_CONVERGENCE = Duration.ofSeconds(2);
  private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final long QUIET_MAX_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final Scenario scenario;
  private final RunListeners listeners = new RunListeners();
  private final FrameLog log = new FrameLog();
  private final List<StepResult> results = new CopyOnWriteArrayList<>();
  private final ScenarioPlayers players;
  private final StepGate gate;
  private final ExpectationChecks checks;
  private final StepActions actions;
  private final CompletableFuture<ScenarioResult> done = new CompletableFuture<>();
  private volatile RunState state = RunState.READY;
  private volatile int currentStep = -1;
  private Thread thread;

  public ScenarioRunner(ServerHandle server, Scenario scenario) {
    this.scenario = scenario;
    this.gate = new StepGate(false);
    this.players = new ScenarioPlayers(server, scenario, new FrameListener() {
      @Override
      public void onFrame(Frame frame) {
        int step = currentStep;
        log.append(step, frame);
        listeners.frame(step, frame);
      }
    });
    StateReader reader = new StateReader(server, scenario.experience(), players);
    this.checks = new ExpectationChecks(log, players, reader);
    this.actions = new StepActions(server, scenario.experience(), players, gate, new Waits(log, reader, checks));
  }

  public Scenario scenario() {
    return scenario;
  }

  public RunState state() {
    return state;
  }

  public void addListener(RunListener l) {
    listeners.add(l);
  }

  public void removeListener(RunListener l) {
    listeners.remove(l);
  }

  /** The steps decided so far, in order. */
  public List<StepResult> results() {
    return List.copyOf(results);
  }

  /** A connected player of this run (for the console to show its mirror); empty before it connects. */
  public Optional<SimulatedPlayer> player(String id) {
    return players.find(id);
  }

  /** Starts running every step on the runner's thread; the future completes with the result. */
  public synchronized CompletableFuture<ScenarioResult> start() {
    if (thread == null) {
      thread = new Thread(this::execute, "scenario-" + scenario.fileName());
      thread.setDaemon(true);
      thread.start();
    }
    return done;
  }

  /** Runs to the end (unless another thread pauses or stops it) and returns the result. */
  public ScenarioResult run() {
    return start().join();
  }

  /** Holds before the next step. */
  public void pause() {
    gate.pause();
  }

  public void resume() {
    gate.resume();
  }

  /** Runs exactly one more step, then holds (starts the run, paused, if it has not started). */
  public void step() {
    synchronized (this) {
      if (thread == null) {
        gate.pause();
        start();
      }
    }
    gate.step();
  }

  /** Skips the remaining steps; the current one finishes (a pause step ends at once). */
  public void stop() {
    gate.stop();
  }

  @Override
  public void close() {
    stop();
    players.close();
  }

  // ---- the run ---------------------------------------------------------------------------------

  private void execute() {
    long startedMillis = System.currentTimeMillis();
    long started = System.nanoTime();
    setState(RunState.RUNNING);
    listeners.scenarioStarted(scenario);
    List<AssertionResult> finalChecks = new ArrayList<>();
    try {
      boolean ready = connectPlayers(finalChecks);
      int next = 0;
      long previousStart = log.mark();
      for (; ready && next < scenario.steps().size(); next++) {
        if (!gate.awaitTurn(this::setState)) {
          break;
        }
        long stepStart = log.mark();
        results.add(runStep(next, scenario.steps().get(next), previousStart));
        previousStart = stepStart;
      }
      skipFrom(next);
      boolean stopped = gate.isStopped() && next < scenario.steps().size();
      if (ready && !stopped) {
        finalChecks.addAll(finalChecks());
      }
      List<AssertionResult> budgets = ready && !stopped ? budgets() : List.of();
      currentStep = -1;
      Latencies samples = players.latencies();
      finish(new ScenarioResult(scenario.name(), scenario.source(), results, finalChecks, budgets,
          LatencySummary.of(samples), samples, startedMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
          stopped ? RunState.STOPPED : RunState.FINISHED));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done.completeExceptionally(e);
    } catch (RuntimeException | Error e) {
      LOG.error("scenario {} crashed", scenario.name(), e);
      done.completeExceptionally(e);
    }
  }

  private boolean connectPlayers(List<AssertionResult> finalChecks) {
    try {
      players.connectStartingPlayers();
      return true;
    } catch (RuntimeException e) {
      AssertionResult r = AssertionResult.fail("every starting player connects", e.getMessage(), 0, log.framesBetween(0, Long.MAX_VALUE));
      finalChecks.add(r);
      listeners.assertion(-1, r);
      return false;
    }
  }

  private StepResult runStep(int index, Step step, long previousStart) throws InterruptedException {
    currentStep = index;
    long startedAt = micros();
    long stepStart = log.mark();
    listeners.stepStarted(index, step);
    List<AssertionResult> assertions = new ArrayList<>();
    try {
      unexpectedDrops(index, stepStart, assertions);
      StepOutcome outcome = actions.perform(step, previousStart);
      implicit(step, outcome, stepStart).ifPresent(r -> {
        assertions.add(r);
        listeners.assertion(index, r);
      });
      if (outcome.answered()) {
        assertions.addAll(checks.check(step, outcome, stepStart, r -> listeners.assertion(index, r)));
      }
    } catch (RuntimeException e) {
      LOG.warn("step {} of {} failed unexpectedly", index + 1, scenario.name(), e);
      AssertionResult r = AssertionResult.fail("the step runs", e.toString(), step.header().line(),
          checks.context(stepStart, null));
      assertions.add(r);
      listeners.assertion(index, r);
    }
    settle();
    boolean passed = assertions.stream().allMatch(AssertionResult::passed);
    StepResult result = new StepResult(index, step.header().name(), step.kind(), step.header().player(),
        step.header().line(), passed ? StepStatus.PASSED : StepStatus.FAILED, assertions,
        log.framesBetween(stepStart, Long.MAX_VALUE), startedAt, micros() - startedAt);
    listeners.stepFinished(result);
    return result;
  }

  /**
   * Lets a step's trailing frames arrive before the next step starts (deltas relayed over NATS to
   * other players, the quest update that follows an answer), so that each frame is counted in the step
   * that caused it. Waits until every connected mirror equals the server's view, then for a short
   * quiet spell; asserts nothing (explicit checks do that).
   */
  private void settle() throws InterruptedException {
    List<SimulatedPlayer> mirrored = players.all().stream()
        .filter(p -> players.spec(p.userId()).hasMirror() && !players.isDownOnPurpose(p.userId())).toList();
    long deadline = System.nanoTime() + SETTLE_CONVERGENCE.toNanos();
    Eventually.await(log, deadline, () -> converged(mirrored), ok -> ok);
    Eventually.settle(log, QUIET_NANOS, QUIET_MAX_NANOS);
  }

  private static boolean converged(List<SimulatedPlayer> mirrored) {
    try {
      return mirrored.stream().allMatch(p -> p.compareWithServer().matches());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Listen before act: a connection that dropped without a fault step would miss this step's events. */
  private void unexpectedDrops(int index, long stepStart, List<AssertionResult> assertions) {
    Map<String, String> down = players.unexpectedlyDown();
    if (!down.isEmpty()) {
      AssertionResult r = AssertionResult.fail("every player is subscribed before the step acts",
          "connections down without a fault step: " + down, 0, checks.context(stepStart, null));
      assertions.add(r);
      listeners.assertion(index, r);
    }
  }

  /** "The server answered" for every step, and "the step succeeded" for steps that are not commands. */
  private Optional<AssertionResult> implicit(Step step, StepOutcome outcome, long stepStart) {
    if (!outcome.answered()) {
      return Optional.of(AssertionResult.fail("the server answers", outcome.message(), step.header().line(),
          checks.context(stepStart, step.header().player())));
    }
    boolean playerAction = step instanceof Step.Command || step instanceof Step.Say || step instanceof Step.Chat;
    boolean explicit = step.header().expectations().stream()
        .anyMatch(e -> e instanceof Expectation.Success || e instanceof Expectation.ErrorCode);
    if (playerAction || explicit) {
      return Optional.empty();
    }
    String what = step.kind() + " succeeds";
    return Optional.of(outcome.success() ? AssertionResult.pass(what, outcome.message(), step.header().line())
        : AssertionResult.fail(what, outcome.message(), step.header().line(), checks.context(stepStart, null)));
  }

  private void skipFrom(int next) {
    for (int i = next; i < scenario.steps().size(); i++) {
      Step s = scenario.steps().get(i);
      StepResult r = StepResult.skipped(i, s.header().name(), s.kind(), s.header().player(), s.header().line());
      results.add(r);
      listeners.stepFinished(r);
    }
  }

  // ---- after the steps -------------------------------------------------------------------------

  private List<AssertionResult> finalChecks() throws InterruptedException {
    currentStep = -1;
    List<AssertionResult> out = new ArrayList<>();
    for (SimulatedPlayer p : players.all()) {
      List<ChainProblem> problems = p.chainProblems();
      out.add(report(problems.isEmpty()
          ? AssertionResult.pass(p.userId() + ": every world_update continued its version chain", "no gaps", 0)
          : AssertionResult.fail(p.userId() + ": every world_update continued its version chain", problems.toString(), 0,
              p.recentFrames())));
      if (players.spec(p.userId()).hasMirror() && !players.isDownOnPurpose(p.userId())) {
        MirrorComparison c = p.awaitConverged(FINAL_CONVERGENCE);
        String what = p.userId() + ": mirror equals the server's view at the end";
        out.add(report(c.matches() ? AssertionResult.pass(what, "v" + c.mirrorVersion(), 0)
            : AssertionResult.fail(what, String.join("; ", c.differences()), 0, p.recentFrames())));
      }
    }
    return out;
  }

  private List<AssertionResult> budgets() {
    Latencies all = players.latencies();
    List<AssertionResult> out = new ArrayList<>();
    for (Budget b : scenario.budgets()) {
      long n = all.count(b.metric());
      double actual = all.percentileMillis(b.metric(), b.percentile());
      boolean ok = n > 0 && actual <= b.maxMillis();
      String detail = n == 0 ? "no samples" : b.label() + " = " + String.format(java.util.Locale.ROOT, "%.2f", actual)
          + " ms over " + n + " samples";
      out.add(report(ok ? AssertionResult.pass(b.describe(), detail, b.line())
          : AssertionResult.fail(b.describe(), detail, b.line(), List.of())));
    }
    return out;
  }

  private AssertionResult report(AssertionResult r) {
    listeners.assertion(-1, r);
    return r;
  }

  private void finish(ScenarioResult result) {
    setState(result.endState());
    listeners.scenarioFinished(result);
    done.complete(result);
  }

  private void setState(RunState s) {
    state = s;
    listeners.stateChanged(s);
  }

  private static long micros() {
    java.time.Instant i = java.time.Instant.now();
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
  }
}
