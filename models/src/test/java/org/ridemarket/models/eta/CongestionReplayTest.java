package org.ridemarket.models.eta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.features.CongestionFeatures;
import org.ridemarket.contracts.features.CongestionSnapshot;
import org.ridemarket.simulator.SimulatorConfig;
import org.ridemarket.simulator.Simulation;
import org.ridemarket.simulator.city.City;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventSink;
import org.ridemarket.simulator.riders.PriceOracle;
import org.ridemarket.topologies.congestion.CongestionSettings;

class CongestionReplayTest {

  @Test
  void shouldEmitTheSameVectorsWithoutParkedDriversPingsAsWithEveryPing() {
    // given a simulated evening half hour, replayed with every ping and without parked drivers' pings
    CongestionReplay every = new CongestionReplay(CongestionSettings.defaults(), false);
    CongestionReplay moving = new CongestionReplay(CongestionSettings.defaults(), true);
    simulate(Duration.ofMinutes(20), 120, every, moving);

    // when their vectors are compared
    List<CongestionSnapshot> expected = every.vectors().all();
    List<CongestionSnapshot> actual = moving.vectors().all();
    every.close();
    moving.close();

    // then they are identical, and they measured moving drivers
    assertThat(expected).hasSizeGreaterThan(100);
    assertThat(actual).isEqualTo(expected);
    assertThat(moving.skipped()).isPositive();
    assertThat(moving.piped()).isEqualTo(every.piped() - moving.skipped());
    assertThat(actual).anySatisfy(vector -> assertThat(vector.value(CongestionFeatures.SPEED_15M)).isPositive());
  }

  static void simulate(Duration length, int drivers, CongestionReplay... replays) {
    SimulatorConfig config = SimulatorConfig.builder().seed(5).speed(Double.POSITIVE_INFINITY).duration(length)
        .drivers(drivers).start(LocalDateTime.of(2026, 11, 2, 17, 0).atZone(SimulatorConfig.NEW_YORK).toInstant())
        .progressInterval(Duration.ZERO).build();
    EventSink tee = new EventSink() {
      @Override
      public void accept(EncodedEvent event) {
        for (CongestionReplay replay : replays) {
          replay.accept(event);
        }
      }

      @Override
      public void close() {
      }
    };
    Simulation simulation = new Simulation(config, City.midtown(null), List.of(tee), PriceOracle.FLAT);
    simulation.run(() -> false, tick -> { });
    simulation.flush();
  }
}
