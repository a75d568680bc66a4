package org.ridemarket.topologies.velocity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The velocity settings a model's signature records: the ones that change what a vector counts. */
class VelocitySettingsTest {

  private static final VelocitySettings DEFAULTS = VelocitySettings.defaults();

  @Test
  void shouldNameTheWindowsBucketsCapAndValueChangingSettings() {
    assertThat(DEFAULTS.signatureSettings()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "velocity.windows", "PT1M/PT10S,PT1H/PT1M,PT24H/PT15M,PT168H/PT1H,PT720H/PT6H",
        "velocity.label-windows", "PT24H/PT1H,PT168H/PT6H,PT720H/PT24H",
        "velocity.distinct-ids-cap", "64",
        "velocity.grace", "PT2M",
        "velocity.idle-timeout", "PT720H5M"));
  }

  @Test
  void shouldChangeWithTheGraceAndTheIdleTimeout() {
    VelocitySettings longer = new VelocitySettings(Duration.ofMinutes(5), DEFAULTS.maxFutureSkew(),
        Duration.ofDays(31), DEFAULTS.sweepInterval(), DEFAULTS.sweepLimit());

    assertThat(longer.signatureSettings()).containsEntry("velocity.grace", "PT5M")
        .containsEntry("velocity.idle-timeout", "PT744H")
        .isNotEqualTo(DEFAULTS.signatureSettings());
  }

  @Test
  void shouldNotChangeWithTheSkewCheckOrTheSweep() {
    VelocitySettings slower = new VelocitySettings(DEFAULTS.grace(), Duration.ofMinutes(5), DEFAULTS.idleTimeout(),
        Duration.ofMinutes(10), 500);

    assertThat(slower.signatureSettings()).isEqualTo(DEFAULTS.signatureSettings());
  }
}
