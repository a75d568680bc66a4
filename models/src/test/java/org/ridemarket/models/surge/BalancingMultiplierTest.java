package org.ridemarket.models.surge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.ridemarket.simulator.riders.RiderPopulation;

class BalancingMultiplierTest {

  private final BalancingMultiplier label = new BalancingMultiplier(RiderPopulation::acceptShare, 3.0);

  @Test
  void shouldNotSurgeWhenEveryRequestWasServed() {
    assertThat(label.label(0, 0)).isEqualTo(1.0);
    assertThat(label.label(25, 25)).isEqualTo(1.0);
  }

  @Test
  void shouldFindTheMultiplierWhoseAcceptShareIsTheServedShare() {
    // given 40 requests, 20 served: with the prior of 2, a share of 22/42
    double multiplier = label.label(40, 20);

    // then riders at that price would have asked for about as many rides as drivers gave
    assertThat(RiderPopulation.acceptShare(multiplier)).isCloseTo(22.0 / 42.0, offset(1e-3));
    assertThat(multiplier).isBetween(1.6, 1.8);
  }

  @Test
  void shouldRiseWithUnservedDemandAndStopAtTheCap() {
    assertThat(label.label(10, 9)).isLessThan(label.label(10, 5)).isLessThan(label.label(10, 1));
    assertThat(label.label(500, 0)).isEqualTo(3.0);
  }

  @Test
  void shouldShrinkASingleUnservedRequestTowardNoSurge() {
    // without the prior a served share of 0 would label the cap; with it, 2/3 served
    assertThat(label.label(1, 0)).isCloseTo(1.535, offset(0.01));
    assertThat(label.label(1, 0)).isLessThan(label.label(5, 0)).isLessThan(3.0);
  }

  @Test
  void shouldRefuseMoreServedThanRequested() {
    assertThatThrownBy(() -> label.label(3, 4)).isInstanceOf(IllegalArgumentException.class);
  }
}
