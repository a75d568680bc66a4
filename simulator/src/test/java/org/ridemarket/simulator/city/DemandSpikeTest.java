package org.ridemarket.simulator.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.SimulatorConfig;
import org.ridemarket.simulator.TestRuns;
import org.ridemarket.simulator.output.MemorySink;

class DemandSpikeTest {

  private static final String GRAND_CENTRAL = Cells.cellOf(40.7527, -73.9772);

  @Test
  void shouldParseACellOrAPosition() {
    assertThat(DemandSpike.parse("cell=" + GRAND_CENTRAL + ",start=10m,duration=30m,factor=4"))
        .isEqualTo(new DemandSpike(GRAND_CENTRAL, Duration.ofMinutes(10), Duration.ofMinutes(30), 4));
    assertThat(DemandSpike.parse("cell=40.7527,-73.9772,duration=1h,factor=2.5"))
        .isEqualTo(new DemandSpike(GRAND_CENTRAL, Duration.ZERO, Duration.ofHours(1), 2.5));
  }

  @Test
  void shouldRejectAnIncompleteOrInvalidSpike() {
    assertThatThrownBy(() -> DemandSpike.parse("cell=40.75,-73.98,factor=3"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration");
    assertThatThrownBy(() -> DemandSpike.parse("cell=nonsense,duration=1h,factor=3"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an H3");
    assertThatThrownBy(() -> DemandSpike.parse("cell=40.75,-73.98,duration=1h,factor=3,colour=red"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
  }

  @Test
  void shouldRaiseRequestsInItsCellWhileItLasts() {
    // given the same hour with and without a fivefold spike at Grand Central from minute 20 to 40
    SimulatorConfig base = TestRuns.config(Duration.ofHours(1)).seed(9).drivers(800).build();
    SimulatorConfig spiked = base.toBuilder()
        .spike(DemandSpike.parse("cell=" + GRAND_CENTRAL + ",start=20m,duration=20m,factor=5")).build();

    // when
    long[] without = requestsInCellByThird(base);
    long[] with = requestsInCellByThird(spiked);

    // then the spike multiplies requests in the cell during its window only
    assertThat(with[1]).isGreaterThan(3 * Math.max(without[1], 5));
    assertThat(with[0]).isEqualTo(without[0]);
  }

  private static long[] requestsInCellByThird(SimulatorConfig config) {
    MemorySink sink = new MemorySink();
    TestRuns.run(config, sink);
    long start = config.start().toEpochMilli();
    long[] thirds = new long[3];
    sink.events().stream().filter(e -> e.topic().equals(Topics.RIDE_REQUESTS.name()))
        .map(e -> TestRuns.decode(Topics.RIDE_REQUESTS, e))
        .filter(r -> r.getPickupCell().equals(GRAND_CENTRAL))
        .map(RideRequested::getEventTime)
        .forEach(t -> thirds[(int) Math.min(2, (t.toEpochMilli() - start) / 1_200_000)]++);
    return thirds;
  }
}
