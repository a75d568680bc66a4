package org.ridemarket.models.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ridemarket.routing.GeoPoint;

/** The real-history split: weeks before the test learn (every fourth calibrates), the test range only tests. */
class RealHistorySplitTest {

  private static final Instant START = Instant.parse("2018-01-01T05:00:00Z");
  private static final Instant TEST_FROM = START.plus(Duration.ofDays(8 * 7));
  private static final Instant TEST_TO = TEST_FROM.plus(Duration.ofDays(14));

  @Test
  void shouldTrainOnThreeWeeksCalibrateOnTheFourthAndTestOnlyInTheTestRange() {
    // given a trip every day for ten weeks, and one a month after the test range
    List<EtaRow> rows = new ArrayList<>();
    for (int day = 0; day < 70; day++) {
      rows.add(row(START.plus(Duration.ofDays(day)).plus(Duration.ofHours(12)), Duration.ofMinutes(20)));
    }
    rows.add(row(TEST_TO.plus(Duration.ofDays(30)), Duration.ofMinutes(20)));

    // when it is split
    EtaSplit split = RealHistorySplit.of(rows, TEST_FROM, TEST_TO);

    // then weeks 4 and 8 calibrate, weeks 1-3 and 5-7 train, the two test weeks test, the later trip is unused
    assertThat(split.calibration()).hasSize(14).allSatisfy(row -> assertThat(week(row)).isIn(3L, 7L));
    assertThat(split.train()).hasSize(42).allSatisfy(row -> assertThat(week(row)).isNotIn(3L, 7L)
        .isLessThan(8L));
    assertThat(split.heldOut()).hasSize(14).allSatisfy(row -> assertThat(row.time())
        .isBetween(TEST_FROM.toEpochMilli(), TEST_TO.toEpochMilli() - 1));
  }

  @Test
  void shouldKeepATrainingTripWhoseDropOffFallsInACalibrationWeekOutOfTraining() {
    // given a trip requested 10 minutes before the first calibration week starts and lasting 20 minutes
    Instant calibrationStart = START.plus(Duration.ofDays(21));
    EtaRow first = row(START, Duration.ofMinutes(5));
    EtaRow straddling = row(calibrationStart.minus(Duration.ofMinutes(10)), Duration.ofMinutes(20));
    EtaRow before = row(calibrationStart.minus(Duration.ofMinutes(40)), Duration.ofMinutes(20));

    // when it is split
    EtaSplit split = RealHistorySplit.of(List.of(first, before, straddling), TEST_FROM, TEST_TO);

    // then its label would cover calibration traffic, so it is neither trained on nor calibrated with
    assertThat(split.train()).containsExactly(first, before);
    assertThat(split.calibration()).isEmpty();
  }

  @Test
  void shouldRefuseAnEmptyTestRange() {
    assertThatThrownBy(() -> RealHistorySplit.of(List.of(), TEST_FROM, TEST_FROM))
        .hasMessageContaining("test range is empty");
  }

  private static long week(EtaRow row) {
    return Duration.between(START.plus(Duration.ofHours(12)), Instant.ofEpochMilli(row.time())).toDays() / 7;
  }

  private static EtaRow row(Instant requested, Duration length) {
    long at = requested.toEpochMilli();
    CompletedTrip trip = new CompletedTrip("t-" + at, at, at, at + length.toMillis(), GeoPoint.of(40.75, -73.99),
        GeoPoint.of(40.76, -73.98), length.toSeconds());
    return new EtaRow(trip, EtaRow.Pass.ROAD, new float[0], 600, 0);
  }
}
