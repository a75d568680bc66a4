package org.ridemarket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.features.CongestionFeatures;
import org.ridemarket.contracts.features.CongestionSnapshot;
import org.ridemarket.contracts.features.EtaFeatures;

class EtaScoringTest {

  private static final GeoPoint ORIGIN = GeoPoint.of(40.7505, -73.9880);
  private static final GeoPoint DESTINATION = GeoPoint.of(40.7580, -73.9855);
  private static final Route ROUTE = new Route(1_200, 150, List.of(ORIGIN, DESTINATION),
      List.of(new CellCrossing("a", 400), new CellCrossing("b", 800)));
  // Monday 2 November 2026, 17:30 in New York (EST, UTC-5).
  private static final Instant DEPARTURE = Instant.parse("2026-11-02T22:30:00Z");

  @Test
  void shouldDescribeTheBaselineAndTheDepartureWithoutAnyVector() {
    double[] row = EtaScoring.values(ROUTE, DEPARTURE, Map.of(), DEPARTURE.toEpochMilli(), true);

    assertThat(value(row, EtaFeatures.MAP_FREE_ROUTE)).isEqualTo(1);
    assertThat(value(row, EtaFeatures.BASELINE_SECONDS)).isEqualTo(150);
    assertThat(value(row, EtaFeatures.DISTANCE_METRES)).isEqualTo(1_200);
    assertThat(value(row, EtaFeatures.BASELINE_SPEED)).isEqualTo(8.0);
    assertThat(value(row, EtaFeatures.STRAIGHT_METRES)).isCloseTo(GreatCircle.metres(ORIGIN, DESTINATION), within(1e-9));
    assertThat(value(row, EtaFeatures.HOUR_OF_DAY)).isEqualTo(17.5);
    assertThat(value(row, EtaFeatures.DAY_OF_WEEK)).isEqualTo(1);
    assertThat(value(row, EtaFeatures.CELLS_CROSSED)).isEqualTo(2);
    assertThat(value(row, EtaFeatures.KNOWN_SHARE_15M)).isZero();
    assertThat(value(row, EtaFeatures.ORIGIN_TRIPS_60M)).isZero();
    for (String unknown : List.of(EtaFeatures.ROUTE_SPEED_15M, EtaFeatures.ROUTE_CONGESTION_INDEX_MIN,
        EtaFeatures.CONGESTED_SECONDS, EtaFeatures.FEATURE_AGE_SECONDS, EtaFeatures.ORIGIN_TRIP_SPEED_60M)) {
      assertThat(value(row, unknown)).as(unknown).isNaN();
    }
  }

  @Test
  void shouldWeightCellsByRouteMetresAndTimeTheRouteAtCurrentSpeeds() {
    long asOf = DEPARTURE.toEpochMilli();
    Map<String, CongestionSnapshot> cells = Map.of(
        "a", cell("a", asOf - 20_000, 4.0, 0.5, 3.0, 6),
        "b", cell("b", asOf - 5_000, 8.0, 1.0, Double.NaN, 0));

    double[] row = EtaScoring.values(ROUTE, DEPARTURE, cells, asOf, false);

    assertThat(value(row, EtaFeatures.MAP_FREE_ROUTE)).isZero();

    assertThat(value(row, EtaFeatures.ROUTE_SPEED_15M)).isCloseTo((4.0 * 400 + 8.0 * 800) / 1_200, within(1e-9));
    assertThat(value(row, EtaFeatures.ROUTE_CONGESTION_INDEX)).isCloseTo((0.5 * 400 + 1.0 * 800) / 1_200, within(1e-9));
    assertThat(value(row, EtaFeatures.ROUTE_CONGESTION_INDEX_MIN)).isEqualTo(0.5);
    assertThat(value(row, EtaFeatures.KNOWN_SHARE_15M)).isEqualTo(1.0);
    assertThat(value(row, EtaFeatures.ROUTE_TRIP_SPEED_60M)).isEqualTo(3.0);
    assertThat(value(row, EtaFeatures.ORIGIN_TRIP_SPEED_60M)).isEqualTo(3.0);
    assertThat(value(row, EtaFeatures.ORIGIN_TRIPS_60M)).isEqualTo(6);
    assertThat(value(row, EtaFeatures.CONGESTED_SECONDS)).isCloseTo(400 / 4.0 + 800 / 8.0, within(1e-9));
    assertThat(value(row, EtaFeatures.FEATURE_AGE_SECONDS)).isEqualTo(5.0);
  }

  @Test
  void shouldTimeACellWithoutSpeedsAtTheMeanOfTheOthers() {
    Map<String, CongestionSnapshot> cells = Map.of("b", cell("b", 0, 8.0, 1.0, Double.NaN, 0));

    double[] row = EtaScoring.values(ROUTE, DEPARTURE, cells, 0, false);

    assertThat(value(row, EtaFeatures.CONGESTED_SECONDS)).isCloseTo(1_200 / 8.0, within(1e-9));
    assertThat(value(row, EtaFeatures.KNOWN_SHARE_15M)).isCloseTo(800 / 1_200.0, within(1e-9));
  }

  @Test
  void shouldTurnAResidualIntoSecondsAndBack() {
    double residual = EtaScoring.residual(180, 150);

    assertThat(EtaScoring.seconds(150, residual)).isCloseTo(180, within(1e-9));
    assertThatThrownBy(() -> EtaScoring.residual(0, 150)).isInstanceOf(IllegalArgumentException.class);
  }

  private static CongestionSnapshot cell(String cell, long eventTime, double speed15m, double index,
      double tripSpeed60m, double trips60m) {
    double[] values = new double[CongestionFeatures.NAMES.size()];
    Arrays.fill(values, Double.NaN);
    values[CongestionFeatures.indexOf(CongestionFeatures.SPEED_15M)] = speed15m;
    values[CongestionFeatures.indexOf(CongestionFeatures.CONGESTION_INDEX)] = index;
    values[CongestionFeatures.indexOf(CongestionFeatures.TRIP_SPEED_60M)] = tripSpeed60m;
    values[CongestionFeatures.indexOf(CongestionFeatures.TRIPS_60M)] = trips60m;
    return new CongestionSnapshot(cell, eventTime, values);
  }

  private static double value(double[] row, String name) {
    return row[EtaFeatures.indexOf(name)];
  }
}
