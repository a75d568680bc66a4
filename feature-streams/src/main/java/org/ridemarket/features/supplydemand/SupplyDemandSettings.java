package org.ridemarket.features.supplydemand;

import java.time.Duration;
import org.ridemarket.features.FeaturesConfig;

/**
 * The knobs of the supply/demand topology as a plain value, so that tests and replays build the
 * topology without CDI; see {@link FeaturesConfig} for what each one means.
 */
public record SupplyDemandSettings(
    Duration grace,
    Duration maxFutureSkew,
    Duration driverSilenceTimeout,
    Duration minEmitInterval,
    Duration refreshInterval) {

  public SupplyDemandSettings {
    if (driverSilenceTimeout.compareTo(grace) <= 0) {
      // a ping older than an expired driver's last one must be too late, or it would revive the driver
      throw new IllegalArgumentException("driver-silence-timeout (" + driverSilenceTimeout
          + ") must exceed grace (" + grace + ")");
    }
    if (minEmitInterval.isNegative() || minEmitInterval.isZero() || refreshInterval.compareTo(minEmitInterval) < 0) {
      throw new IllegalArgumentException("need 0 < min-emit-interval <= refresh-interval");
    }
  }

  /** The defaults of {@link FeaturesConfig}. */
  public static SupplyDemandSettings defaults() {
    return new SupplyDemandSettings(Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofMinutes(3),
        Duration.ofSeconds(1), Duration.ofMinutes(5));
  }

  /** The settings a configuration holds. */
  public static SupplyDemandSettings from(FeaturesConfig config) {
    return new SupplyDemandSettings(config.grace(), config.maxFutureSkew(), config.driverSilenceTimeout(),
        config.minEmitInterval(), config.refreshInterval());
  }
}
