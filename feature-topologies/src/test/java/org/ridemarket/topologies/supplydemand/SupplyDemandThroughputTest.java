package org.ridemarket.topologies.supplydemand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ridemarket.topologies.supplydemand.SupplyDemandTestDriver.T0;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.DriverStatus;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.geo.Cells;

/** Many events through the whole topology on one thread: counts stay exact, and the rate is reported. */
class SupplyDemandThroughputTest {

  @Test
  void shouldKeepExactCountsUnderManyEvents() {
    List<String> cells = Cells.h3().gridDisk(SupplyDemandTopologyTest.CELL, 5);
    int requests = 3_000;
    int pings = 1_500;
    try (SupplyDemandTestDriver driver = new SupplyDemandTestDriver()) {
      long started = System.nanoTime();
      for (int i = 0; i < requests + pings; i++) {
        // 17 events per second of event time, so the 5-minute window holds them all
        var time = T0.plus(Duration.ofMillis(i * 60L));
        String cell = cells.get(i % cells.size());
        if (i % 3 == 2) {
          driver.ping("driver-" + (i % 200), cell, DriverStatus.AVAILABLE, time);
        } else {
          driver.request(cell, time);
        }
      }
      driver.advanceWallClock(Duration.ofSeconds(1));
      double seconds = (System.nanoTime() - started) / 1e9;

      double counted = cells.stream().mapToDouble(cell -> driver.latest(cell).value(SupplyDemandFeatures.REQUESTS_5M)).sum();
      double available = cells.stream()
          .mapToDouble(cell -> driver.latest(cell).value(SupplyDemandFeatures.AVAILABLE_DRIVERS)).sum();
      System.out.printf("[throughput] %d input events (%d cells) in %.2f s on a TopologyTestDriver: %.0f events/s,"
          + " %d vectors%n", requests + pings, cells.size(), seconds, (requests + pings) / seconds, driver.vectorCount());
      assertThat(counted).isEqualTo(requests);
      assertThat(available).isEqualTo(200.0);
    }
  }
}
