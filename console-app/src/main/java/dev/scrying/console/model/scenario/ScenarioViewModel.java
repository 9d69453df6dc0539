package dev.scrying.console.model.scenario;

import dev.scrying.console.model.Notice;
import dev.scrying.console.model.Notices;
import dev.scrying.console.model.UiDispatch;
import dev.scrying.console.model.Value;
import dev.scrying.console.model.Workers;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.ServerHandle;
import dev.scrying.scenarios.client.SimulatedPlayer;
import dev.scrying.scenarios.format.Scenario;
import dev.scrying.scenarios.format.ScenarioFormatException;
import dev.scrying.scenarios.format.ScenarioLoader;
import dev.scrying.scenarios.format.Step;
import dev.scrying.scenarios.run.AssertionResult;
import dev.scrying.scenarios.run.RunListener;
import dev.scrying.scenarios.run.RunState;
import dev.scrying.scenarios.run.ScenarioResult;
import dev.scrying.scenarios.run.ScenarioRunner;
import dev.scrying.scenarios.run.StepResult;
import dev.scrying.scenarios.run.StepStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Scenarios panel: the scenario files of a folder, the steps of the one loaded, and a run of it
 * (run, step, pause, resume, stop) through the same {@link ScenarioRunner} the headless CLI uses,
 * with each step's verdict and every assertion as it is decided. The run's players are real clients;
 * their frames go to {@code frames} (the live stream). Runner callbacks hop to the UI thread through
 * {@link UiDispatch}; other methods are UI thread only.
 */
public final class ScenarioViewModel implements AutoCloseable {
  private final UiDispatch ui;
  private final Notices notices;
  private final Supplier<ServerHandle> server;
  private final Consumer<Frame> frames;
  private final ExecutorService worker = Workers.single("scenarios");
  private final Value<Path> folder = new Value<>(ScenarioFiles.defaultFolder());
  private final Value<List<ScenarioFile>> files = new Value<>(List.of());
  private final Value<ScenarioFile> selected = new Value<>(null);
  private final Value<List<StepRow>> steps = new Value<>(List.of());
  private final Value<List<CheckRow>> checks = new Value<>(List.of());
  private final Value<RunState> state = new Value<>(null);
  private final Value<String> summary = new Value<>("");
  private Scenario scenario;
  private volatile ScenarioRunner runner;

  public ScenarioViewModel(UiDispatch ui, Notices notices, Supplier<ServerHandle> server, Consumer<Frame> frames) {
    this.ui = ui;
    this.notices = notices;
    this.server = server;
    this.frames = frames;
  }

  /** Lists the scenario files in {@code dir}, reading each off the UI thread. */
  public void showFolder(Path dir) {
    folder.set(dir);
    refresh();
  }

  public void refresh() {
    Path dir = folder.get();
    worker.execute(() -> {
      List<ScenarioFile> list = ScenarioFiles.list(dir);
      ui.post(() -> {
        files.set(list);
        if (selected.get() == null && !list.isEmpty()) {
          list.stream().filter(ScenarioFile::loadable).findFirst().ifPresent(this::select);
        }
      });
    });
  }

  public void select(ScenarioFile f) {
    if (isRunning()) {
      notices.report(Notice.problem("A scenario is running.", "Stop it before loading another."));
      return;
    }
    selected.set(f);
    closeRunner();
    state.set(null);
    checks.set(List.of());
    summary.set("");
    if (f == null || !f.loadable()) {
      scenario = null;
      steps.set(List.of());
      summary.set(f == null ? "" : f.problem());
      return;
    }
    try {
      scenario = ScenarioLoader.load(f.path());
      steps.set(rows(scenario));
      summary.set(scenario.steps().size() + " steps, " + scenario.players().size() + " players. Ready.");
    } catch (ScenarioFormatException e) {
      scenario = null;
      steps.set(List.of());
      summary.set(e.getMessage());
    }
  }

  /** Steps that change the shared world or break things on purpose: the operator confirms these first. */
  public List<String> riskySteps() {
    List<String> out = new ArrayList<>();
    if (scenario != null) {
      for (Step s : scenario.steps()) {
        if (s instanceof Step.Reset r) {
          out.add("reset " + r.scope() + (r.target() == null ? "" : " " + r.target()));
        } else if (s instanceof Step.Fault f) {
          out.add(f.action().describe());
        }
      }
    }
    return out;
  }

  public void run() {
    control(ScenarioRunner::start);
  }

  /** Runs exactly one more step, then holds. */
  public void step() {
    control(ScenarioRunner::step);
  }

  public void pause() {
    ScenarioRunner r = runner;
    if (r != null) {
      r.pause();
    }
  }

  public void resume() {
    ScenarioRunner r = runner;
    if (r != null) {
      r.resume();
    }
  }

  public void stop() {
    ScenarioRunner r = runner;
    if (r != null) {
      r.stop();
    }
  }

  private void control(Consumer<ScenarioRunner> action) {
    if (scenario == null) {
      notices.report(Notice.problem("No scenario is loaded.", "Pick one from the list."));
      return;
    }
    ScenarioRunner r = runner;
    if (r == null || r.state() == RunState.FINISHED || r.state() == RunState.STOPPED) {
      ServerHandle h = server.get();
      if (h == null) {
        notices.report(Notice.problem("The console is not connected to a server yet.", "Wait for it to start."));
        return;
      }
      closeRunner();
      steps.set(rows(scenario));
      checks.set(List.of());
      r = new ScenarioRunner(h, scenario);
      r.addListener(new Progress());
      runner = r;
    }
    ScenarioRunner chosen = r;
    worker.execute(() -> action.accept(chosen));
  }

  /** A player of the current run, for the mirror. Any thread. */
  public Optional<SimulatedPlayer> player(String id) {
    ScenarioRunner r = runner;
    return r == null ? Optional.empty() : r.player(id);
  }

  private boolean isRunning() {
    ScenarioRunner r = runner;
    return r != null && (r.state() == RunState.RUNNING || r.state() == RunState.PAUSED);
  }

  private static List<StepRow> rows(Scenario s) {
    List<StepRow> out = new ArrayList<>();
    for (int i = 0; i < s.steps().size(); i++) {
      Step st = s.steps().get(i);
      String title = st.header().name() == null || st.header().name().isBlank() ? describe(st) : st.header().name();
      out.add(new StepRow(i, title, st.kind(), st.header().player(), st.header().line(), StepRow.Status.PENDING, 0, 0, 0));
    }
    return out;
  }

  static String describe(Step st) {
    if (st instanceof Step.Command c) {
      return c.action() + " " + c.fields();
    } else if (st instanceof Step.Say s) {
      return "say “" + s.text() + "”";
    } else if (st instanceof Step.Chat c) {
      return "chat “" + c.message() + "”";
    } else if (st instanceof Step.Gps g) {
      return "walk to " + (g.zone() == null ? g.lat() + ", " + g.lng() : g.zone());
    } else if (st instanceof Step.Reset r) {
      return "reset " + r.scope() + (r.target() == null ? "" : " " + r.target());
    } else if (st instanceof Step.Pause p) {
      return "pause " + p.duration().toMillis() + " ms";
    } else if (st instanceof Step.Fault f) {
      return f.action().describe();
    }
    return st.kind();
  }

  private void closeRunner() {
    ScenarioRunner r = runner;
    runner = null;
    if (r != null) {
      worker.execute(r::close);
    }
  }

  /** Runner callbacks, on the runner's thread (frames on network threads): each hops to the UI thread. */
  private final class Progress implements RunListener {
    @Override
    public void stateChanged(RunState s) {
      ui.post(() -> state.set(s));
    }

    @Override
    public void stepStarted(int index, Step step) {
      ui.post(() -> update(index, row -> row.with(StepRow.Status.RUNNING, 0, 0, 0)));
    }

    @Override
    public void frame(int stepIndex, Frame frame) {
      frames.accept(frame);
    }

    @Override
    public void assertion(int stepIndex, AssertionResult r) {
      CheckRow row = new CheckRow(stepIndex, r.passed(), r.description(), r.detail(), r.line());
      ui.post(() -> {
        List<CheckRow> all = new ArrayList<>(checks.get());
        all.add(row);
        checks.set(List.copyOf(all));
      });
    }

    @Override
    public void stepFinished(StepResult r) {
      StepRow.Status s = switch (r.status()) {
        case PASSED -> StepRow.Status.PASSED;
        case FAILED -> StepRow.Status.FAILED;
        case SKIPPED -> StepRow.Status.SKIPPED;
      };
      int ok = (int) r.assertions().stream().filter(AssertionResult::passed).count();
      ui.post(() -> update(r.index(), row -> row.with(s, r.durationMillis(), ok, r.assertions().size() - ok)));
    }

    @Override
    public void scenarioFinished(ScenarioResult r) {
      String text = (r.passed() ? "Passed" : "Failed") + ": " + r.count(StepStatus.PASSED) + " passed, "
          + r.count(StepStatus.FAILED) + " failed, " + r.count(StepStatus.SKIPPED) + " skipped in "
          + r.durationMillis() + " ms" + (r.endState() == RunState.STOPPED ? " (stopped)" : "") + ".";
      ui.post(() -> summary.set(text));
    }
  }

  private void update(int index, java.util.function.UnaryOperator<StepRow> change) {
    List<StepRow> all = new ArrayList<>(steps.get());
    if (index >= 0 && index < all.size()) {
      all.set(index, change.apply(all.get(index)));
      steps.set(List.copyOf(all));
    }
  }

  public Value<Path> folder() {
    return folder;
  }

  public Value<List<ScenarioFile>> files() {
    return files;
  }

  public Value<ScenarioFile> selected() {
    return selected;
  }

  public Value<List<StepRow>> steps() {
    return steps;
  }

  /** Every assertion decided in the current run, in order. */
  public Value<List<CheckRow>> checks() {
    return checks;
  }

  /** The run's state, or null before a run. */
  public Value<RunState> state() {
    return state;
  }

  public Value<String> summary() {
    return summary;
  }

  @Override
  public void close() {
    ScenarioRunner r = runner;
    if (r != null) {
      r.close();
    }
    worker.shutdownNow();
  }
}
