package org.ridemarket.topologies.supplydemand;

import java.time.Duration;

/**
 * The knobs of the supply/demand topology as a plain value, so that tests and replays build the
 * topology without CDI; the feature-streams app's configuration ({@code features.*}) documents each one.
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

  /** The defaults, as the feature-streams app's configuration has them. */
  public static SupplyDemandSettings defaults() {
    return new SupplyDemandSettings(Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofMinutes(3),
        Duration.ofSeconds(1), Duration.ofMinutes(5));
  }
}
