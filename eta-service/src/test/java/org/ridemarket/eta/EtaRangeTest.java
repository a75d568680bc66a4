package org.ridemarket.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EtaRangeTest {

  @Test
  void shouldKeepOrderedAnswersAsTheyAre() {
    EtaRange range = EtaRange.sorted(200, 150, 300);

    assertThat(range).isEqualTo(new EtaRange(150, 200, 300));
  }

  @Test
  void shouldSortQuantileModelsThatCrossed() {
    // p10 above the point and p90 below it: trained apart, they can cross on an unusual row.
    EtaRange range = EtaRange.sorted(200, 260, 180);

    assertThat(range.p10Seconds()).isEqualTo(180);
    assertThat(range.etaSeconds()).isEqualTo(200);
    assertThat(range.p90Seconds()).isEqualTo(260);
  }

  @Test
  void shouldRefuseANonFiniteAnswer() {
    assertThatThrownBy(() -> EtaRange.sorted(Double.NaN, 100, 300)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EtaRange.sorted(200, 100, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldWidenTheBaselineWhenDegraded() {
    EtaRange range = EtaRange.degraded(100, 0.7, 1.6);

    assertThat(range.p10Seconds()).isCloseTo(70.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(range.etaSeconds()).isEqualTo(100);
    assertThat(range.p90Seconds()).isCloseTo(160.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void shouldSayWhetherAnActualDurationIsCovered() {
    EtaRange range = new EtaRange(150, 200, 300);

    assertThat(range.covers(150)).isTrue();
    assertThat(range.covers(299.9)).isTrue();
    assertThat(range.covers(301)).isFalse();
    assertThat(range.covers(149)).isFalse();
  }
}
