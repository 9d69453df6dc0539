package dev.scrying.scenarios.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.MirrorComparison;
import dev.scrying.scenarios.client.ServerException;
import dev.scrying.scenarios.client.SimulatedPlayer;
import dev.scrying.scenarios.format.JsonPath;
import dev.scrying.scenarios.format.ValueCheck;
import dev.scrying.scenarios.format.WaitCondition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out {@code wait} steps: each condition is re-checked as frames arrive until it holds or the
 * step's timeout passes. An event wait also accepts a frame that arrived while the previous step ran.
 * Runner thread only.
 */
final class Waits {
  private final FrameLog log;
  private final StateReader state;
  private final ExpectationChecks checks;

  Waits(FrameLog log, StateReader state, ExpectationChecks checks) {
    this.log = log;
    this.state = state;
    this.checks = checks;
  }

  StepOutcome await(WaitCondition c, String player, long since, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    if (c instanceof WaitCondition.ForEvent e) {
      Optional<Frame> hit = Eventually.await(log, deadline, () -> match(e, player, since), Optional::isPresent);
      return hit.map(f -> StepOutcome.ok(player + " received " + e.type(), f.json()))
          .orElseGet(() -> StepOutcome.notMet(player + " received no " + e.describe() + " within " + timeout));
    }
    if (c instanceof WaitCondition.ForState s) {
      JsonNode last = Eventually.await(log, deadline, () -> read(s), v -> s.check().check().test(v));
      return s.check().check().test(last) ? StepOutcome.ok(s.describe(), last)
          : StepOutcome.notMet(s.describe() + " did not hold within " + timeout + "; last value " + ExpectationChecks.shown(last));
    }
    if (c instanceof WaitCondition.ForStatus s) {
      JsonNode last = Eventually.await(log, deadline, () -> status(s.path()), v -> s.check().test(v));
      return s.check().test(last) ? StepOutcome.ok(s.describe(), last)
          : StepOutcome.notMet(s.describe() + " did not hold within " + timeout + "; last value " + ExpectationChecks.shown(last));
    }
    WaitCondition.ForConvergence conv = (WaitCondition.ForConvergence) c;
    String problem = Eventually.await(log, deadline, () -> divergence(checks.selected(conv.players(), player)),
        p -> p == null);
    return problem == null ? StepOutcome.ok("converged", com.fasterxml.jackson.databind.node.NullNode.getInstance())
        : StepOutcome.notMet(problem);
  }

  private Optional<Frame> match(WaitCondition.ForEvent e, String player, long since) {
    List<Frame> frames = log.received(player, since, e.transport());
    return frames.stream().filter(f -> f.type().equals(e.type()) && matches(f.json(), e.where())).findFirst();
  }

  private static boolean matches(JsonNode json, Map<String, JsonNode> where) {
    return where.entrySet().stream().allMatch(w ->
        new ValueCheck(ValueCheck.Kind.EQUALS, w.getValue()).test(JsonPath.resolve(json, w.getKey())));
  }

  private JsonNode read(WaitCondition.ForState s) {
    try {
      return state.read(s.check().player(), s.check().path(), s.check().from());
    } catch (ServerException e) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  private JsonNode status(String path) {
    try {
      return state.status(path);
    } catch (ServerException e) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  /** Null when every player's mirror equals the server's view, else the first difference. */
  private static String divergence(List<SimulatedPlayer> players) {
    for (SimulatedPlayer p : players) {
      try {
        MirrorComparison c = p.compareWithServer();
        if (!c.matches()) {
          return p.userId() + "'s mirror differs: " + String.join("; ", c.differences());
        }
      } catch (ServerException e) {
        return "cannot read " + p.userId() + "'s view: " + e.getMessage();
      }
    }
    return null;
  }
}
