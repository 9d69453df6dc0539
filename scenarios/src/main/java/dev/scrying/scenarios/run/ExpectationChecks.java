package dev.scrying.scenarios.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scrying.scenarios.client.Frame;
import dev.scrying.scenarios.client.MirrorComparison;
import dev.scrying.scenarios.client.ServerException;
import dev.scrying.scenarios.client.SimulatedPlayer;
import dev.scrying.scenarios.format.EventSpec;
import dev.scrying.scenarios.format.Expectation;
import dev.scrying.scenarios.format.JsonPath;
import dev.scrying.scenarios.format.PlayerSelection;
import dev.scrying.scenarios.format.StateSource;
import dev.scrying.scenarios.format.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Decides a step's expectations. Facts about the answer (success, message, response, server state)
 * are decided at once; facts that arrive over the network (other players' events, mirrors) are
 * re-checked until they hold or the step's timeout passes; absence and exact counts are decided only
 * after the step's frames have gone quiet. A failure carries the frames around it. Runner thread only.
 */
final class ExpectationChecks {
  private static final int CONTEXT_BEFORE = 5;
  private static final int CONTEXT_MAX = 40;
  private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(150);
  private static final long SETTLE_MAX_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final FrameLog log;
  private final ScenarioPlayers players;
  private final StateReader state;

  ExpectationChecks(FrameLog log, ScenarioPlayers players, StateReader state) {
    this.log = log;
    this.players = players;
    this.state = state;
  }

  List<AssertionResult> check(Step step, StepOutcome outcome, long stepStart, Consumer<AssertionResult> decided)
      throws InterruptedException {
    long deadline = System.nanoTime() + step.header().timeout().toNanos();
    List<AssertionResult> out = new ArrayList<>();
    List<Expectation> eventual = new ArrayList<>();
    for (Expectation e : step.header().expectations()) {
      if (isEventual(e)) {
        eventual.add(e);
      } else {
        out.add(publish(immediate(e, outcome, stepStart, step.header().player()), decided));
      }
    }
    List<Expectation.Events> settling = new ArrayList<>();
    for (Expectation e : eventual) {
      AssertionResult r = Eventually.await(log, deadline, () -> eventual(e, stepStart, step.header().player()),
          AssertionResult::passed);
      if (r.passed() && e instanceof Expectation.Events ev && ev.spec().needsSettling()) {
        settling.add(ev);
      } else {
        out.add(publish(r, decided));
      }
    }
    if (!settling.isEmpty()) {
      Eventually.settle(log, QUIET_NANOS, Math.min(SETTLE_MAX_NANOS, Math.max(0, deadline - System.nanoTime())));
      settling.forEach(e -> out.add(publish(events(e, stepStart), decided)));
    }
    return out;
  }

  private static AssertionResult publish(AssertionResult r, Consumer<AssertionResult> decided) {
    decided.accept(r);
    return r;
  }

  private static boolean isEventual(Expectation e) {
    return e instanceof Expectation.Events || e instanceof Expectation.MirrorMatchesServer
        || (e instanceof Expectation.State s && s.from() == StateSource.MIRROR);
  }

  // ---- decided at once -------------------------------------------------------------------------

  private AssertionResult immediate(Expectation e, StepOutcome o, long stepStart, String player) {
    if (e instanceof Expectation.Success s) {
      return verdict(e, o.success() == s.expected(), "success was " + o.success() + ": " + o.message(), stepStart, player);
    }
    if (e instanceof Expectation.ErrorCode c) {
      return verdict(e, c.code().equals(o.errorCode()), "error_code was " + o.errorCode() + ": " + o.message(),
          stepStart, player);
    }
    if (e instanceof Expectation.Message m) {
      return verdict(e, m.match().test(o.message()), "message was \"" + o.message() + "\"", stepStart, player);
    }
    if (e instanceof Expectation.Winners w) {
      int winners = o.response().path("winners").asInt(-1);
      return verdict(e, winners == w.count(), winners + " winner(s): " + o.message(), stepStart, null);
    }
    if (e instanceof Expectation.Response r) {
      JsonNode actual = JsonPath.resolve(o.response(), r.path());
      return verdict(e, r.check().test(actual), r.path() + " was " + shown(actual), stepStart, player);
    }
    return state((Expectation.State) e, stepStart);
  }

  private AssertionResult state(Expectation.State s, long stepStart) {
    try {
      JsonNode actual = state.read(s.player(), s.path(), s.from());
      return verdict(s, s.check().test(actual), s.path() + " was " + shown(actual), stepStart, s.player());
    } catch (ServerException | IllegalStateException e) {
      return verdict(s, false, "could not read the state: " + e.getMessage(), stepStart, s.player());
    }
  }

  // ---- decided over time -----------------------------------------------------------------------

  private AssertionResult eventual(Expectation e, long stepStart, String stepPlayer) {
    if (e instanceof Expectation.Events ev) {
      return events(ev, stepStart);
    }
    if (e instanceof Expectation.MirrorMatchesServer m) {
      return mirrors(m, stepStart, stepPlayer);
    }
    return state((Expectation.State) e, stepStart);
  }

  private AssertionResult events(Expectation.Events e, long stepStart) {
    List<String> types = log.received(e.player(), stepStart, e.spec().transport()).stream().map(Frame::type)
        .filter(t -> !t.equals("heartbeat")).toList();
    String problem = eventProblem(e.spec(), types, e.spec().needsSettling());
    return verdict(e, problem == null, (problem == null ? "received " : problem + "; received ") + types, stepStart,
        e.player());
  }

  /**
   * Why the received types break the spec, or null; with {@code decideAbsence} also excludes and counts.
   * Order: the first occurrence of each listed type comes after the previous match; a type listed
   * again means its next occurrence ([metadata, content, metadata] = the opening and the closing frame).
   */
  static @Nullable String eventProblem(EventSpec spec, List<String> types, boolean decideAbsence) {
    int last = -1;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String t : spec.order()) {
      boolean first = seen.add(t);
      int at = first ? types.indexOf(t) : indexAfter(types, t, last);
      if (at < 0) {
        return first ? "no " + t : "no further " + t + " after position " + (last + 1);
      }
      if (at < last) {
        return "the first " + t + " came too early (expected order " + spec.order() + ")";
      }
      last = at;
    }
    for (String t : spec.includes()) {
      if (!types.contains(t)) {
        return "no " + t;
      }
    }
    if (!decideAbsence) {
      return null;
    }
    for (String t : spec.excludes()) {
      if (types.contains(t)) {
        return "an unexpected " + t;
      }
    }
    for (var c : spec.counts().entrySet()) {
      long n = types.stream().filter(t -> t.equals(c.getKey())).count();
      if (n != c.getValue()) {
        return n + " × " + c.getKey() + " instead of " + c.getValue();
      }
    }
    return null;
  }

  private static int indexAfter(List<String> types, String type, int after) {
    for (int i = after + 1; i < types.size(); i++) {
      if (types.get(i).equals(type)) {
        return i;
      }
    }
    return -1;
  }

  private AssertionResult mirrors(Expectation.MirrorMatchesServer m, long stepStart, String stepPlayer) {
    for (SimulatedPlayer p : selected(m.players(), stepPlayer)) {
      MirrorComparison c;
      try {
        c = p.compareWithServer();
      } catch (ServerException ex) {
        return verdict(m, false, "could not read " + p.userId() + "'s server view: " + ex.getMessage(), stepStart, p.userId());
      }
      if (!c.matches()) {
        return verdict(m, false, p.userId() + "'s mirror (v" + c.mirrorVersion() + ") differs: "
            + String.join("; ", c.differences()), stepStart, p.userId());
      }
    }
    return AssertionResult.pass(m.describe(), "equal", m.line());
  }

  /** The selected players that keep a mirror and are connected (a player a fault took down has none to compare). */
  List<SimulatedPlayer> selected(PlayerSelection s, String stepPlayer) {
    List<SimulatedPlayer> out = new ArrayList<>();
    List<String> ids = s.all() ? players.all().stream().map(SimulatedPlayer::userId).toList() : s.ids();
    for (String id : ids.isEmpty() ? List.of(stepPlayer) : ids) {
      players.find(id).filter(p -> players.spec(id).hasMirror() && !players.isDownOnPurpose(id)).ifPresent(out::add);
    }
    return out;
  }

  // ---- results ---------------------------------------------------------------------------------

  private AssertionResult verdict(Expectation e, boolean passed, String detail, long stepStart, @Nullable String player) {
    return passed ? AssertionResult.pass(e.describe(), detail, e.line())
        : AssertionResult.fail(e.describe(), detail, e.line(), context(stepStart, player));
  }

  /** The frames around a failure: a few before the step, then the step's frames (of one player if given). */
  List<Frame> context(long stepStart, @Nullable String player) {
    List<Frame> frames = log.framesBetween(stepStart - CONTEXT_BEFORE, Long.MAX_VALUE);
    List<Frame> mine = player == null ? frames : frames.stream().filter(f -> f.userId().equals(player)).toList();
    List<Frame> chosen = mine.isEmpty() ? frames : mine;
    return chosen.subList(Math.max(0, chosen.size() - CONTEXT_MAX), chosen.size());
  }

  static String shown(JsonNode n) {
    String s = n.isMissingNode() ? "(absent)" : n.toString();
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
