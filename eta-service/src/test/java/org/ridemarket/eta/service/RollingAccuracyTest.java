package org.ridemarket.eta.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RollingAccuracyTest {

  @Test
  void shouldHaveNoFiguresBeforeTheFirstJoin() {
    RollingAccuracy.Snapshot snapshot = new RollingAccuracy(3).snapshot();

    assertThat(snapshot.predictions()).isZero();
    assertThat(snapshot.maeSeconds()).isEmpty();
    assertThat(snapshot.coverage()).isEmpty();
    assertThat(snapshot.joinedTotal()).isZero();
  }

  @Test
  void shouldAverageTheErrorsAndCountCoverageOfAPartlyFilledWindow() {
    RollingAccuracy accuracy = new RollingAccuracy(3);

    accuracy.record(10, true);
    accuracy.record(30, false);

    RollingAccuracy.Snapshot snapshot = accuracy.snapshot();
    assertThat(snapshot.predictions()).isEqualTo(2);
    assertThat(snapshot.maeSeconds()).hasValue(20.0);
    assertThat(snapshot.coverage()).hasValue(0.5);
  }

  @Test
  void shouldForgetTheOldestPredictionsOnceTheWindowIsFull() {
    RollingAccuracy accuracy = new RollingAccuracy(3);
    accuracy.record(100, false);
    accuracy.record(100, false);

    accuracy.record(10, true);
    accuracy.record(20, true);
    accuracy.record(30, true);

    RollingAccuracy.Snapshot snapshot = accuracy.snapshot();
    assertThat(snapshot.window()).isEqualTo(3);
    assertThat(snapshot.predictions()).isEqualTo(3);
    assertThat(snapshot.maeSeconds()).hasValue(20.0);
    assertThat(snapshot.coverage()).hasValue(1.0);
    assertThat(snapshot.joinedTotal()).isEqualTo(5);
  }

  @Test
  void shouldKeepRollingPastManyWraps() {
    RollingAccuracy accuracy = new RollingAccuracy(4);

    for (int i = 1; i <= 1_003; i++) {
      accuracy.record(i, i % 2 == 0);
    }

    // The last four: 1000, 1001, 1002, 1003; two of them even.
    RollingAccuracy.Snapshot snapshot = accuracy.snapshot();
    assertThat(snapshot.maeSeconds()).hasValue(1001.5);
    assertThat(snapshot.coverage()).hasValue(0.5);
    assertThat(snapshot.joinedTotal()).isEqualTo(1_003);
  }

  @Test
  void shouldRefuseAnEmptyWindow() {
    assertThatThrownBy(() -> new RollingAccuracy(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
