package dev.scrying.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.server.auth.Identity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token buckets behind the WebSocket message limit, and the per-player connection slots. */
class RateLimiterTest {
  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final RateLimiter limiter = new RateLimiter(ConnectionLimits.DEFAULT, nanos::get);

  List<RateLimiter.Verdict> send(int n) {
    List<RateLimiter.Verdict> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(limiter.admit());
    }
    return out;
  }

  @Test
  void aBurstOfFortyPassesThenMessagesAreLimited() {
    List<RateLimiter.Verdict> v = send(60);
    assertThat(v.subList(0, 40)).containsOnly(RateLimiter.Verdict.ALLOWED);
    assertThat(v.subList(40, 60)).containsOnly(RateLimiter.Verdict.LIMITED);
  }

  @Test
  void theBudgetRefillsAtTwentyPerSecond() {
    send(40);
    nanos.addAndGet(500_000_000L);
    assertThat(send(10)).containsOnly(RateLimiter.Verdict.ALLOWED);
    assertThat(limiter.admit()).isEqualTo(RateLimiter.Verdict.LIMITED);
  }

  @Test
  void aClientThatKeepsPushingRunsOutOfStrikes() {
    send(40);
    assertThat(send(100)).containsOnly(RateLimiter.Verdict.LIMITED);
    assertThat(limiter.admit()).isEqualTo(RateLimiter.Verdict.ABUSIVE);
  }

  @Test
  void aClientAtTheLimitIsNeverJudgedAbusive() {
    // 21 messages a second for a minute: one over budget each second, fewer than the strikes refill.
    for (int second = 0; second < 60; second++) {
      assertThat(send(21)).doesNotContain(RateLimiter.Verdict.ABUSIVE);
      nanos.addAndGet(1_000_000_000L);
    }
  }

  @Test
  void aClockThatGoesBackwardsNeitherRefillsNorBreaksTheBucket() {
    send(40);
    nanos.addAndGet(-3_600_000_000_000L);
    assertThat(limiter.admit()).isEqualTo(RateLimiter.Verdict.LIMITED);
    nanos.addAndGet(1_000_000_000L);
    assertThat(send(20)).containsOnly(RateLimiter.Verdict.ALLOWED);
  }

  @Test
  void playerSlotsAreCountedGivenBackOnceAndAdminsAreNotLimited() {
    PlayerConnections slots = new PlayerConnections(8);
    Identity alice = new Identity("alice", Identity.Role.PLAYER);
    List<PlayerConnections.Slot> open = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      open.add(slots.open(alice).orElseThrow());
    }
    assertThat(slots.open(alice)).isEmpty();
    assertThat(slots.open(new Identity("bob", Identity.Role.PLAYER))).isPresent();
    open.get(0).close();
    open.get(0).close();
    assertThat(slots.count("alice")).isEqualTo(7);
    assertThat(slots.open(alice)).isPresent();
    assertThat(slots.open(alice)).isEmpty();
    Identity operator = new Identity("operator", Identity.Role.ADMIN);
    for (int i = 0; i < 50; i++) {
      assertThat(slots.open(operator)).isPresent();
    }
  }
}
