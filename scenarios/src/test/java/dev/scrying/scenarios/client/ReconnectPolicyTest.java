package dev.scrying.scenarios.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The backoff schedule, computed with a chosen random source: no clock, no sleeping. */
class ReconnectPolicyTest {
  static final ReconnectPolicy POLICY = ReconnectPolicy.jittered(Duration.ofSeconds(1), Duration.ofSeconds(8), 2);

  /** A random source that always draws {@code value} as its double. */
  static RandomGenerator constant(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new UnsupportedOperationException();
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  @Test
  void withoutJitterTheDelaysGrowToTheCapInLockstep() {
    ReconnectPolicy lockstep = POLICY.withoutJitter();
    RandomGenerator unused = constant(Double.NaN);
    assertThat(java.util.stream.IntStream.range(0, 6).mapToObj(n -> lockstep.delay(n, unused)).toList())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
            Duration.ofSeconds(8), Duration.ofSeconds(8));
    assertThat(lockstep.delay(10_000, unused)).as("no overflow far down the schedule").isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void theFirstDelaySpansTheWholeWindowAndLaterOnesTheUpperHalfOfTheirCap() {
    assertThat(POLICY.delay(0, constant(0))).isEqualTo(Duration.ZERO);
    assertThat(POLICY.delay(0, constant(0.5))).isEqualTo(Duration.ofMillis(500));
    assertThat(POLICY.delay(1, constant(0))).isEqualTo(Duration.ofSeconds(1));
    assertThat(POLICY.delay(1, constant(0.5))).isEqualTo(Duration.ofMillis(1500));
    assertThat(POLICY.delay(2, constant(0.25))).isEqualTo(Duration.ofMillis(2500));
    assertThat(POLICY.delay(5, constant(0))).isEqualTo(Duration.ofSeconds(4));
    assertThat(POLICY.delay(5, constant(0.75))).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void drawnDelaysStayInsideTheirWindowsAndSpreadOverThem() {
    SplittableRandom random = new SplittableRandom(42);
    long[] firsts = new long[1_000];
    for (int i = 0; i < firsts.length; i++) {
      firsts[i] = POLICY.delay(0, random).toMillis();
      assertThat(POLICY.delay(3, random)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }
    assertThat(java.util.Arrays.stream(firsts).min().orElseThrow()).isNotNegative();
    assertThat(java.util.Arrays.stream(firsts).max().orElseThrow()).isLessThan(1_000L);
    // Spread: every tenth of the window got some of the thousand first attempts.
    long[] tenths = new long[10];
    for (long ms : firsts) {
      tenths[(int) (ms / 100)]++;
    }
    assertThat(java.util.Arrays.stream(tenths).min().orElseThrow()).isGreaterThanOrEqualTo(50L);
    assertThat(java.util.Arrays.stream(tenths).max().orElseThrow()).isLessThanOrEqualTo(150L);
  }

  @Test
  void noneNeverReconnectsAndNonsenseIsRefused() {
    assertThat(ReconnectPolicy.NONE.enabled()).isFalse();
    assertThat(POLICY.enabled()).isTrue();
    assertThat(ReconnectPolicy.RESTART_SAFE.jitter()).isTrue();
    assertThatThrownBy(() -> ReconnectPolicy.jittered(Duration.ZERO, Duration.ofSeconds(1), 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReconnectPolicy.jittered(Duration.ofSeconds(2), Duration.ofSeconds(1), 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReconnectPolicy.jittered(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReconnectPolicy.jittered(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void restartsAndDropsAreWorthRetryingRefusalsAreNot() {
    for (int code : new int[] {WebSocketClose.ABRUPT, 1001, 1006, 1011, 1012, 1013}) {
      assertThat(ReconnectPolicy.reconnectable(new WebSocketClose(code, ""))).as("close %d", code).isTrue();
    }
    for (int code : new int[] {1000, 1007, 1008, 1009, 4000}) {
      assertThat(ReconnectPolicy.reconnectable(new WebSocketClose(code, ""))).as("close %d", code).isFalse();
    }
    for (int status : new int[] {0, 408, 429, 500, 502, 503}) {
      assertThat(ReconnectPolicy.reconnectable(status)).as("HTTP %d", status).isTrue();
    }
    for (int status : new int[] {400, 401, 403, 404}) {
      assertThat(ReconnectPolicy.reconnectable(status)).as("HTTP %d", status).isFalse();
    }
  }
}
