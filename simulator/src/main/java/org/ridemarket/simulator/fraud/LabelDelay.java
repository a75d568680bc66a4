package org.ridemarket.simulator.fraud;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.ridemarket.simulator.clock.Durations;

/** How long after a fraudulent payment its chargeback arrives: a fixed delay or a uniform range. */
public record LabelDelay(Duration min, Duration max) {

  /** Chargebacks typically arrive days later: 2 to 10 days. */
  public static final LabelDelay DEFAULT = new LabelDelay(Duration.ofDays(2), Duration.ofDays(10));

  public LabelDelay {
    if (min.isNegative() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("label delay needs 0 <= min <= max: " + min + ".." + max);
    }
  }

  /** Parses {@code 3d} (fixed) or {@code 2d-10d} (uniform range). */
  public static LabelDelay parse(String text) {
    int dash = text.indexOf('-', 1);
    if (dash < 0) {
      Duration fixed = Durations.parse(text);
      return new LabelDelay(fixed, fixed);
    }
    return new LabelDelay(Durations.parse(text.substring(0, dash)), Durations.parse(text.substring(dash + 1)));
  }

  /** A delay drawn from the range, milliseconds. */
  public long drawMillis(RandomGenerator rng) {
    long span = max.toMillis() - min.toMillis();
    return min.toMillis() + (span == 0 ? 0 : (long) (rng.nextDouble() * span));
  }
}
