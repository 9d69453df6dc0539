/**
 * The scenario runner shared by the console's scenario panel and the headless CLI.
 *
 * <pre>{@code
 * Scenario scenario = ScenarioLoader.load(Path.of("scenarios/demo-happy-path.yaml"));  // file:line errors
 * ScenarioRunner runner = new ScenarioRunner(server, scenario);
 * runner.addListener(new RunListener() {                      // hand callbacks to the UI thread yourself
 *   public void stepStarted(int index, Step step) { ... }
 *   public void assertion(int stepIndex, AssertionResult r) { ... }   // green or red, as decided
 *   public void frame(int stepIndex, Frame f) { ... }                 // network threads
 *   public void stepFinished(StepResult r) { ... }                    // r.frames(): the step's events
 * });
 * runner.step();        // one step, then PAUSED; step() again, resume(), pause(), stop()
 * runner.player("guest").map(SimulatedPlayer::mirror);               // draw a player's mirror
 * ScenarioResult result = runner.start().get();                      // or run() to block
 * runner.close();       // disconnects the scenario's players
 * }</pre>
 */
package dev.scrying.scenarios.run;
