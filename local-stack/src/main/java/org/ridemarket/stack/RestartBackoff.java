package org.ridemarket.stack;

import java.time.Duration;

/**
 * How long to wait before restarting a crashed child, as Kubernetes' crash-loop back-off does: the
 * delay doubles with each crash in a row, up to a cap, and a child that stayed up long enough starts
 * over at the first delay.
 */
record RestartBackoff(Duration first, Duration max, Duration resetAfter) {

  /** 1 s, 2 s, 4 s ... up to 30 s; reset after a minute up (Kubernetes: 10 s to 5 min, reset after 10 min). */
  static final RestartBackoff LOCAL = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
      Duration.ofMinutes(1));

  RestartBackoff {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 < first <= max");
    }
  }

  /** The delay before restart number {@code crashesInARow} (1 for the first crash in a row). */
  Duration delay(int crashesInARow) {
    Duration delay = first;
    for (int i = 1; i < crashesInARow && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }

  /** True if a child that ran this long before it crashed counts as healthy: its next crash is the first in a row. */
  boolean ranLongEnough(Duration uptime) {
    return uptime.compareTo(resetAfter) >= 0;
  }
}
