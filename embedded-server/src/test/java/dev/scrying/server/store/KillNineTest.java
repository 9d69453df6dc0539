package dev.scrying.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * G3: the server in a child JVM under sustained load from four players, SIGKILLed while requests are in
 * flight, 20 times. After a restart every acknowledged action is there, the state equals an independent
 * replay of the journal, and every event a watcher was shown is in the journal (no phantom events).
 * {@link #withTheProtectionOffTheCheckerCatchesTheLoss} shows the checker can fail.
 */
class KillNineTest {
  /** Rounds of load-and-kill; {@code -Dscrying.faults.killRounds} runs a longer soak. */
  static final int ROUNDS = Integer.getInteger("scrying.faults.killRounds", 20);
  @TempDir Path data;

  @Test
  void acknowledgedActionsSurviveKillNineUnderLoad() throws Exception {
    CrashHarness h = new CrashHarness(data, List.of());
    Random rnd = new Random(7);
    for (int round = 0; round < ROUNDS; round++) {
      h.round(round, 5 + rnd.nextInt(15));
    }
    CrashHarness.Findings f = h.check();
    System.out.printf("RELIABILITY kill9 rounds=" + ROUNDS + " acked=%d in_flight_at_kill=%d indeterminate=%d "
            + "indeterminate_applied=%d events_shown=%d lost=%d phantom=%d state_equals_replay=%s git_fsck_problems=%d%n",
        h.acked.size(), h.inFlightAtKills, h.indeterminate.size(), f.indeterminatePresent(), h.shown.size(),
        f.lostAcknowledged().size(), f.phantomEvents().size(), f.stateEqualsReplay(), f.gitProblems().size());
    assertThat(f.lostAcknowledged()).as("acknowledged actions lost").isEmpty();
    assertThat(f.phantomEvents()).as("events shown that the journal never had").isEmpty();
    assertThat(f.stateEqualsReplay()).as("state equals the journal replay").isTrue();
    assertThat(f.gitProblems()).as("git fsck after the last kill").isEmpty();
    assertThat(h.acked).hasSizeGreaterThan(5 * ROUNDS);
    assertThat(h.inFlightAtKills).as("kills landed during requests").isGreaterThanOrEqualTo(ROUNDS);
  }

  /** Negative control: acknowledging before the journal write is exactly the loss the checker exists for. */
  @Test
  void withTheProtectionOffTheCheckerCatchesTheLoss() throws Exception {
    CrashHarness h = new CrashHarness(data, List.of("-D" + Protection.DURABLE_BEFORE_ACK.property() + "=true"));
    CrashHarness.Findings f = null;
    int rounds = 0;
    // Each round almost surely loses something; a few rounds make "never" vanishingly unlikely.
    while (rounds < 3 && (f == null || f.clean())) {
      h.round(rounds++, 10);
      f = h.check();
    }
    System.out.printf("RELIABILITY kill9-negative-control rounds=%d acked=%d lost=%d phantom=%d state_equals_replay=%s%n",
        rounds, h.acked.size(), f.lostAcknowledged().size(), f.phantomEvents().size(), f.stateEqualsReplay());
    assertThat(f.clean()).as("the checker must report the loss when the protection is off").isFalse();
    assertThat(f.lostAcknowledged()).isNotEmpty();
  }
}
