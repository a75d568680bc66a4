package org.ridemarket.simulator.riders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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
}
