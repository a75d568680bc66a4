package org.ridemarket.topologies.supplydemand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The supply/demand settings a model's signature records: the ones that change what a vector counts. */
class SupplyDemandSettingsTest {

  private static final SupplyDemandSettings DEFAULTS = SupplyDemandSettings.defaults();

  @Test
  void shouldNameTheWindowsBucketsAndValueChangingSettings() {
    assertThat(DEFAULTS.signatureSettings()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "supply-demand.bucket", "PT10S",
        "supply-demand.request-windows", "PT1M,PT5M,PT15M",
        "supply-demand.completed-trip-windows", "PT15M",
        "supply-demand.ring-request-windows", "PT5M,PT15M",
        "supply-demand.ring-completed-trip-windows", "PT15M",
        "supply-demand.ring-grid-distance", "1",
        "supply-demand.driver-silence-sweep", "PT10S",
        "supply-demand.grace", "PT2M",
        "supply-demand.driver-silence-timeout", "PT3M"));
  }

  @Test
  void shouldChangeWithTheGraceAndTheDriverSilenceTimeout() {
    SupplyDemandSettings graceful = new SupplyDemandSettings(Duration.ofMinutes(1), DEFAULTS.maxFutureSkew(),
        Duration.ofMinutes(5), DEFAULTS.minEmitInterval(), DEFAULTS.refreshInterval(), DEFAULTS.flushInterval());

    assertThat(graceful.signatureSettings()).containsEntry("supply-demand.grace", "PT1M")
        .containsEntry("supply-demand.driver-silence-timeout", "PT5M")
        .isNotEqualTo(DEFAULTS.signatureSettings());
  }

  @Test
  void shouldNotChangeWithTimingOnlySettings() {
    // a later refusal, a slower rate limit, refresh or flush sends the same counts at other times
    SupplyDemandSettings slower = new SupplyDemandSettings(DEFAULTS.grace(), Duration.ofMinutes(5),
        DEFAULTS.driverSilenceTimeout(), Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMillis(500));

    assertThat(slower.signatureSettings()).isEqualTo(DEFAULTS.signatureSettings());
  }
}
