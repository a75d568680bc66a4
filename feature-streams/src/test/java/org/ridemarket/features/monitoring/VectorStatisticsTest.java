package org.ridemarket.features.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.features.supplydemand.SupplyDemandRedisWriter;

/** Served supply/demand vectors through the family's statistics, as the Redis sink records them. */
class VectorStatisticsTest {

  private static final long START = 1_796_000_000_000L;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final VectorStatistics<SupplyDemandSnapshot> statistics =
      new VectorStatistics<>(registry, SupplyDemandRedisWriter.FAMILY);
  private final Random random = new Random(22);

  @Test
  void shouldShowAServedFeatureShiftAndKeepTheOthersQuiet() {
    // given an hour and ten minutes of cells asking for 20 ± 4 rides a minute, with no ring value known
    // when the last eleven minutes ask for 12 ± 4 (two deviations fewer)
    for (int minute = 0; minute < 81; minute++) {
      List<SupplyDemandSnapshot> written = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        double requests = (minute < 70 ? 20 : 12) + 4 * random.nextGaussian();
        written.add(new SupplyDemandSnapshot("cell-" + i, START + minute * 60_000L + i * 1_000L, new double[] {
            requests, 5 * requests, 15 * requests, 3 + random.nextGaussian(), 4, 0, 0, 0, 0, Double.NaN, 1, 1}));
      }
      statistics.record(written);
    }

    // then the requests moved by about two deviations, the completed trips not at all, the NaN field is all missing
    assertThat(gauge("feature_vector_field_mean_shift", SupplyDemandFeatures.REQUESTS_1M)).isCloseTo(-2, within(0.3));
    assertThat(gauge("feature_vector_field_mean_shift", SupplyDemandFeatures.COMPLETED_TRIPS_15M))
        .isCloseTo(0, within(0.3));
    assertThat(registry.find("feature_vector_field_mean_shift").tag("field", SupplyDemandFeatures.EVENT_TIME_FIELD)
        .gauge()).as("the event time is no feature").isNull();
    assertThat(registry.find("feature_vector_field_missing_share").tags("family", "supply_demand").gauges())
        .anySatisfy(gauge -> assertThat(gauge.value()).isEqualTo(1.0));
  }

  private double gauge(String name, String field) {
    return registry.get(name).tag("family", "supply_demand").tag("field", field).gauge().value();
  }
}
