package org.ridemarket.simulator.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ridemarket.simulator.TestRuns;

class UberCalibrationTest {

  private static DemandMap demand;

  @BeforeAll
  static void calibrate() {
    Optional<Path> csv = TestRuns.uberCsv();
    assumeTrue(csv.isPresent(), "the Uber 2014 pickups are not on this machine");
    demand = City.midtown(csv.get()).demand();
  }

  @Test
  void shouldMoveHotspotsWithTheHourOfTheDay() {
    // given each cell's share of demand in the morning and in the late evening
    double[] morning = shares(demand.ratesAtHour(8));
    double[] night = shares(demand.ratesAtHour(23));

    // then the distributions differ clearly (total variation distance)
    double distance = 0;
    for (int c = 0; c < morning.length; c++) {
      distance += Math.abs(morning[c] - night[c]) / 2;
    }
    assertThat(distance).isGreaterThan(0.1);
    // and the city as a whole is busier in the evening peak than in the small hours, as in the data
    assertThat(demand.totalRate(17.5)).isGreaterThan(5 * demand.totalRate(4.5));
  }

  @Test
  void shouldSamplePickupsInsideTheBoxAndNearRealOnes() {
    // given
    SplittableRandom rng = new SplittableRandom(1);

    // then
    for (int i = 0; i < 1_000; i++) {
      int cell = demand.sampleCell(18.0, rng);
      Point pickup = demand.samplePickup(cell, 18.0, rng);
      assertThat(CityBox.MIDTOWN.contains(pickup.lat(), pickup.lon())).isTrue();
    }
    assertThat(demand.source()).contains("Uber pickups");
  }

  private static double[] shares(double[] rates) {
    double total = 0;
    for (double rate : rates) {
      total += rate;
    }
    double[] shares = new double[rates.length];
    for (int c = 0; c < rates.length; c++) {
      shares[c] = rates[c] / total;
    }
    return shares;
  }
}
