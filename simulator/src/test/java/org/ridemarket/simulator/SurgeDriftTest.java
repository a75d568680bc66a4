package org.ridemarket.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.DriverStatus;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.city.City;
import org.ridemarket.simulator.clock.SimClock;
import org.ridemarket.simulator.drivers.SurgeMap;
import org.ridemarket.simulator.output.MemorySink;
import org.ridemarket.simulator.riders.PriceOracle;

class SurgeDriftTest {

  private static final City CITY = TestRuns.builtInCity();
  private static final SimulatorConfig EVENING_HOUR = TestRuns.config(Duration.ofHours(1)).seed(5)
      .start(TestRuns.MONDAY_MORNING.plus(Duration.ofHours(11))).build();

  @Test
  void shouldGatherIdleDriversInASurgingCell() {
    // given Hudson Yards' cell surging at 2.5x all evening, and the same evening without surge
    int hudsonYards = CITY.cells().cellAt(40.7536, -74.0016);
    FixedSurge surge = new FixedSurge(hudsonYards, 2.5);

    // when
    long calm = availablePingsIn(hudsonYards, run(SurgeMap.NONE));
    long surged = availablePingsIn(hudsonYards, run(surge));

    // then the map was consulted every tick, and far more idle drivers wait in the surging cell
    assertThat(surge.refreshes).isEqualTo(3_600);
    assertThat(surged).isGreaterThan(calm * 3 / 2).isGreaterThan(calm + 1_000);
  }

  @Test
  void shouldRunDrawForDrawAsBeforeWhenTheMapShowsNoSurge() {
    // given a live-looking map that shows 1.0 everywhere
    FixedSurge flat = new FixedSurge(0, 1.0);

    // when / then the events are those of a run without a surge map, byte for byte
    assertThat(run(flat).events()).containsExactlyElementsOf(run(SurgeMap.NONE).events());
  }

  private static MemorySink run(SurgeMap surgeMap) {
    MemorySink sink = new MemorySink();
    TestRuns.run(EVENING_HOUR, CITY, List.of(sink), PriceOracle.FLAT, surgeMap);
    return sink;
  }

  private static long availablePingsIn(int cell, MemorySink sink) {
    String address = CITY.cells().address(cell);
    return sink.events().stream().filter(e -> e.topic().equals(Topics.DRIVER_LOCATIONS.name()))
        .map(e -> TestRuns.decode(Topics.DRIVER_LOCATIONS, e))
        .filter(ping -> ping.getStatus() == DriverStatus.AVAILABLE)
        .map(DriverLocationUpdated::getCell).filter(address::equals).count();
  }

  /** A surge map with one cell surging, that counts how often it is asked to refresh. */
  private static final class FixedSurge implements SurgeMap {

    private final double[] multipliers = new double[CITY.cells().count()];
    private int refreshes;

    FixedSurge(int cell, double multiplier) {
      Arrays.fill(multipliers, 1.0);
      multipliers[cell] = multiplier;
    }

    @Override
    public void refresh(SimClock clock) {
      refreshes++;
    }

    @Override
    public double multiplier(int cell) {
      return multipliers[cell];
    }
  }
}
