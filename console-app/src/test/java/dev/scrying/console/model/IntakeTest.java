package dev.scrying.console.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntakeTest {

  @Test
  void onlyTheFirstOfferAfterADrainAsksForADrain() {
    Intake<Integer> intake = new Intake<>(10);
    assertThat(intake.offer(1)).isTrue();
    assertThat(intake.offer(2)).isFalse();
    assertThat(intake.drain()).containsExactly(1, 2);
    assertThat(intake.offer(3)).isTrue();
  }

  @Test
  void aUiThatFallsBehindLosesTheOldestAndCountsThem() {
    Intake<Integer> intake = new Intake<>(3);
    for (int i = 1; i <= 5; i++) {
      intake.offer(i);
    }
    assertThat(intake.drain()).containsExactly(3, 4, 5);
    assertThat(intake.dropped()).isEqualTo(2);
  }
}
