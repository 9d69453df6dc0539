package dev.scrying.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestBudgetsTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final RequestBudgets budgets = new RequestBudgets(10, 3, nanos::get);

  @Test
  void aBurstIsAdmittedThenRefusedWithHowLongToWait() {
    for (int i = 0; i < 3; i++) {
      budgets.admit("alice", "requests");
    }
    assertThatThrownBy(() -> budgets.admit("alice", "requests"))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.code()).isEqualTo("rate_limited");
          assertThat(e.retryAfterSeconds()).isEqualTo(1);
          assertThat(e.getMessage()).contains("at most 10 per second");
        });
  }

  @Test
  void playersHaveTheirOwnBudgetsAndTimeRefillsThem() {
    for (int i = 0; i < 3; i++) {
      budgets.admit("alice", "requests");
    }
    budgets.admit("bob", "requests");
    nanos.addAndGet(100_000_000L); // a tenth of a second: one request at 10/s
    budgets.admit("alice", "requests");
    assertThatThrownBy(() -> budgets.admit("alice", "requests")).isInstanceOf(ApiError.class);
  }

  @Test
  void aClockThatStandsStillNeverRefills() {
    RequestBudgets slow = new RequestBudgets(0.1, 1, nanos::get);
    slow.admit("carol", "requests");
    assertThatThrownBy(() -> slow.admit("carol", "requests"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(10));
  }

  @Test
  void onlyTheMostRecentKeysAreRemembered() {
    for (int i = 0; i < 3; i++) {
      budgets.admit("first", "requests");
    }
    for (int i = 0; i < RequestBudgets.REMEMBERED; i++) {
      budgets.admit("k" + i, "requests");
    }
    budgets.admit("first", "requests"); // forgotten, so a fresh bucket: errs towards letting requests in
  }
}
