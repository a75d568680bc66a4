package org.ridemarket.topologies.supplydemand;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The knobs of the supply/demand topology as a plain value, so that tests and replays build the
 * topology without CDI; the feature-streams app's configuration ({@code features.*}) documents each one.
 */
public record SupplyDemandSettings(
    Duration grace,
    Duration maxFutureSkew,
    Duration driverSilenceTimeout,
    Duration minEmitInterval,
    Duration refreshInterval,
    Duration flushInterval) {

  public SupplyDemandSettings {
    if (driverSilenceTimeout.compareTo(grace) <= 0) {
      // a ping older than an expired driver's last one must be too late, or it would revive the driver
      throw new IllegalArgumentException("driver-silence-timeout (" + driverSilenceTimeout
          + ") must exceed grace (" + grace + ")");
    }
    if (minEmitInterval.isNegative() || minEmitInterval.isZero() || refreshInterval.compareTo(minEmitInterval) < 0) {
      throw new IllegalArgumentException("need 0 < min-emit-interval <= refresh-interval");
    }
    if (flushInterval.isNegative() || flushInterval.isZero() || flushInterval.compareTo(minEmitInterval) > 0) {
      throw new IllegalArgumentException("need 0 < flush-interval <= min-emit-interval");
    }
  }

  /**
   * What a model trained on these features must have been trained with, by name (ADR 0025): the settings that
   * change a vector's values (grace, driver-silence timeout) and the windows, bucket, ring and silence sweep of the
   * topology's code. The wall-clock skew check, the per-cell rate limit (min-emit interval), the refresh and the
   * flush interval only decide which events are refused and when a vector is sent, not what it counts, so they
   * are left out.
   */
  public Map<String, String> signatureSettings() {
    Map<String, String> settings = new TreeMap<>(CellState.shape());
    settings.put("supply-demand.grace", grace.toString());
    settings.put("supply-demand.driver-silence-timeout", driverSilenceTimeout.toString());
    return Collections.unmodifiableMap(settings);
  }

  /**
   * The wall-clock delay of the flush of held-back changes after the first of them: a change the per-cell rate
   * limit held back reaches the features topic at most this late, and a cell sends at most one flushed vector per
   * flush (ADR 0016, ADR 0038).
   */
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(25);

  /** The defaults, as the feature-streams app's configuration has them. */
  public static SupplyDemandSettings defaults() {
    return new SupplyDemandSettings(Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofMinutes(3),
        Duration.ofSeconds(1), Duration.ofMinutes(5), DEFAULT_FLUSH_INTERVAL);
  }
}
