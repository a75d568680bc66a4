package org.ridemarket.simulator.riders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.ridemarket.simulator.SimulatorConfig;
import org.ridemarket.simulator.TestRuns;
import org.ridemarket.simulator.output.MemorySink;
import org.ridemarket.simulator.progress.Snapshot;

class PriceSensitivityTest {

  private static final SimulatorConfig HOUR = TestRuns.config(Duration.ofHours(1)).seed(21).build();

  @Test
  void shouldLetEveryRiderAcceptAFlatPrice() {
    Snapshot flat = TestRuns.run(HOUR, TestRuns.builtInCity(), List.of(new MemorySink()), PriceOracle.FLAT);
    assertThat(flat.priceDeclined()).isZero();
    assertThat(flat.ridesRequested()).isPositive();
  }

  @Test
  void shouldMakeRidersWalkAwayFromASurgeAboveTheirLimit() {
    // given
    Snapshot flat = TestRuns.run(HOUR, TestRuns.builtInCity(), List.of(new MemorySink()), PriceOracle.FLAT);
    Snapshot surge = TestRuns.run(HOUR, TestRuns.builtInCity(), List.of(new MemorySink()), quote -> 2.0);
    Snapshot extreme = TestRuns.run(HOUR, TestRuns.builtInCity(), List.of(new MemorySink()), quote -> 20.0);

    // then a 2x surge loses a good share of the riders, a 20x surge all of them
    long asked = surge.ridesRequested() + surge.priceDeclined();
    assertThat(surge.priceDeclined()).isBetween(asked / 5, asked * 4 / 5);
    assertThat(surge.ridesRequested()).isLessThan(flat.ridesRequested());
    assertThat(extreme.ridesRequested()).isZero();
    assertThat(extreme.priceDeclined()).isPositive();
  }

  @Test
  void shouldRealiseTheAcceptShareItPublishes() {
    for (double multiplier : new double[] {1.3, 1.8, 2.5}) {
      // when riders are quoted a fixed multiplier for an hour
      Snapshot run = TestRuns.run(HOUR, TestRuns.builtInCity(), List.of(new MemorySink()), quote -> multiplier);

      // then the share who requested is the curve the surge label inverts, within sampling error
      double asked = run.ridesRequested() + run.priceDeclined();
      double accepted = run.ridesRequested() / asked;
      double expected = RiderPopulation.acceptShare(multiplier);
      assertThat(accepted).as("accept share at %.1fx over %.0f riders", multiplier, asked)
          .isCloseTo(expected, Offset.offset(4 * Math.sqrt(expected * (1 - expected) / asked)));
    }
  }

  @Test
  void shouldPublishAFallingCurveThatStartsAtOne() {
    assertThat(RiderPopulation.acceptShare(1.0)).isEqualTo(1.0);
    assertThat(RiderPopulation.acceptShare(1.7)).isCloseTo(0.05 + 0.95 * 0.5, Offset.offset(1e-6));
    double previous = 1.0;
    for (double m = 1.05; m <= 10.0; m += 0.05) {
      assertThat(RiderPopulation.acceptShare(m)).isLessThan(previous).isGreaterThanOrEqualTo(0.05);
      previous = RiderPopulation.acceptShare(m);
    }
    assertThat(RiderPopulation.acceptShare(12.0)).isLessThan(1e-3);
  }
}
