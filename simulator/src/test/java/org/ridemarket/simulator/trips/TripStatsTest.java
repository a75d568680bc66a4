package org.ridemarket.simulator.trips;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class TripStatsTest {

  private static final long T0 = Instant.parse("2026-11-02T21:00:00Z").toEpochMilli();

  @Test
  void shouldReportTheMedianAndP90PickupWaitByNearestRank() {
    // given ten pick-ups after 1 to 10 s, in no particular order
    TripStats stats = new TripStats(RequestWindow.ALL);
    for (int seconds : new int[] {7, 3, 10, 1, 5, 9, 2, 8, 4, 6}) {
      stats.pickedUp(T0, seconds * 1000L);
    }

    // then half waited at most 5 s, nine in ten at most 9 s, and the mean is exact
    assertThat(stats.medianPickupWaitSeconds()).isEqualTo(5);
    assertThat(stats.p90PickupWaitSeconds()).isEqualTo(9);
    assertThat(stats.meanPickupWaitSeconds()).isEqualTo(5.5);
  }

  @Test
  void shouldFindTheMedianAndTailOfASkewedMarket() {
    // given 51 quick pick-ups (1 min), 40 slow (2 min) and 10 very slow (10 min)
    TripStats stats = new TripStats(RequestWindow.ALL);
    addWaits(stats, 51, 60);
    addWaits(stats, 40, 120);
    addWaits(stats, 10, 600);

    // then the median is the quick wait, the tail the slow one, and the mean is pulled up by the few
    assertThat(stats.medianPickupWaitSeconds()).isEqualTo(60);
    assertThat(stats.p90PickupWaitSeconds()).isEqualTo(120);
    assertThat(stats.meanPickupWaitSeconds()).isCloseTo((51 * 60 + 40 * 120 + 10 * 600) / 101.0,
        Offset.offset(1e-9));

    // and one more slow pick-up moves the median to the slow wait
    addWaits(stats, 2, 120);
    assertThat(stats.medianPickupWaitSeconds()).isEqualTo(120);
  }

  @Test
  void shouldReadAWaitOfAnHourOrMoreAsAnHour() {
    TripStats stats = new TripStats(RequestWindow.ALL);
    stats.pickedUp(T0, Duration.ofHours(3).toMillis());

    assertThat(stats.medianPickupWaitSeconds()).isEqualTo(3_600);
    assertThat(stats.meanPickupWaitSeconds()).isEqualTo(3 * 3_600);
  }

  @Test
  void shouldReportTheShareOfRequestsThatGotADriver() {
    // given ten requests of which seven were matched, and five riders who walked away from the price
    TripStats stats = new TripStats(RequestWindow.ALL);
    for (int i = 0; i < 10; i++) {
      stats.requested(T0);
    }
    for (int i = 0; i < 7; i++) {
      stats.accepted(T0);
    }
    stats.cancelled(T0, "NO_DRIVER");
    stats.cancelled(T0, "RIDER_TIMEOUT");
    stats.cancelled(T0, "NO_DRIVER");

    // when
    MarketOutcome outcome = stats.outcome(5);

    // then
    assertThat(stats.acceptedShare()).isEqualTo(0.7);
    assertThat(outcome.acceptedShare()).isEqualTo(0.7);
    assertThat(outcome.acceptedShareOfQuoted()).isEqualTo(7 / 15.0);
    assertThat(outcome.cancelledByReason()).containsExactly(Map.entry("NO_DRIVER", 2L), Map.entry("RIDER_TIMEOUT", 1L));
    assertThat(outcome.cancelled()).isEqualTo(3);
  }

  @Test
  void shouldCountOnlyTheRequestsMadeInItsWindow() {
    // given a window from 10 to 20 minutes into the run
    RequestWindow window = RequestWindow.of(Instant.ofEpochMilli(T0), Duration.ofMinutes(10), Duration.ofMinutes(20));
    TripStats stats = new TripStats(window);
    long before = T0 + Duration.ofMinutes(5).toMillis();
    long inside = T0 + Duration.ofMinutes(15).toMillis();
    long after = T0 + Duration.ofMinutes(20).toMillis();

    // when trips requested before, inside and after it go through their steps
    for (long requestedAt : new long[] {before, inside, after}) {
      stats.requested(requestedAt);
      stats.accepted(requestedAt);
      stats.pickedUp(requestedAt, requestedAt == inside ? 420_000 : 60_000);
      stats.completed(requestedAt, 600, 2_000);
    }

    // then only the one requested inside counts, including its pick-up after the window ended
    assertThat(stats.requestedCount()).isEqualTo(1);
    assertThat(stats.acceptedCount()).isEqualTo(1);
    assertThat(stats.completedCount()).isEqualTo(1);
    assertThat(stats.medianPickupWaitSeconds()).isEqualTo(420);
  }

  @Test
  void shouldReportZerosBeforeAnything() {
    MarketOutcome outcome = new TripStats(RequestWindow.ALL).outcome(0);

    assertThat(outcome.acceptedShare()).isZero();
    assertThat(outcome.acceptedShareOfQuoted()).isZero();
    assertThat(outcome.medianPickupWaitSeconds()).isZero();
    assertThat(outcome.p90PickupWaitSeconds()).isZero();
  }

  private static void addWaits(TripStats stats, int count, int seconds) {
    for (int i = 0; i < count; i++) {
      stats.pickedUp(T0, seconds * 1000L);
    }
  }
}
