package dev.scrying.scenarios.run;

import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.format.Scenario;
import dev.scrying.scenarios.format.Step;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The runner's listeners; one failing listener never disturbs the run or the others. Thread-safe. */
final class RunListeners implements RunListener {
  private static final Logger LOG = LoggerFactory.getLogger(RunListeners.class);
  private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

  void add(RunListener l) {
    listeners.add(l);
  }

  void remove(RunListener l) {
    listeners.remove(l);
  }

  private void each(String what, Consumer<RunListener> call) {
    for (RunListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("run listener {} failed on {}: {}", l, what, e.toString());
      }
    }
  }

  @Override
  public void stateChanged(RunState state) {
    each("stateChanged", l -> l.stateChanged(state));
  }

  @Override
  public void scenarioStarted(Scenario scenario) {
    each("scenarioStarted", l -> l.scenarioStarted(scenario));
  }

  @Override
  public void stepStarted(int index, Step step) {
    each("stepStarted", l -> l.stepStarted(index, step));
  }

  @Override
  public void frame(int stepIndex, Frame frame) {
    each("frame", l -> l.frame(stepIndex, frame));
  }

  @Override
  public void assertion(int stepIndex, AssertionResult result) {
    each("assertion", l -> l.assertion(stepIndex, result));
  }

  @Override
  public void stepFinished(StepResult result) {
    each("stepFinished", l -> l.stepFinished(result));
  }

  @Override
  public void scenarioFinished(ScenarioResult result) {
    each("scenarioFinished", l -> l.scenarioFinished(result));
  }
}
