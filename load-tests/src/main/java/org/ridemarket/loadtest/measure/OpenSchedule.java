package org.ridemarket.loadtest.measure;

/**
 * When the n-th request of a constant-rate phase is due, so that its latency can be counted from
 * then: a generator that falls behind its own schedule must not hide that delay (coordinated
 * omission). The slots are Gatling's own for {@code constantUsersPerSec(rate)}: each second's users
 * are spread over 1,000 one-millisecond slots, user i of a second in slot floor(1000 i / rate), which
 * for a whole rate is floor(1000 n / rate) ms after the phase's first user ({@code OpenScheduleTest}
 * checks it against Gatling's {@code Shard}).
 */
public final class OpenSchedule {

  private static final long NANOS_PER_MILLI = 1_000_000L;

  private OpenSchedule() {
  }

  /** Nanoseconds from the phase's first request to the request with index {@code n} (0-based). */
  public static long offsetNanos(long n, int ratePerSecond) {
    if (n < 0 || ratePerSecond < 1) {
      throw new IllegalArgumentException("n " + n + ", rate " + ratePerSecond);
    }
    return Math.multiplyExact(n, 1000L) / ratePerSecond * NANOS_PER_MILLI;
  }

  /**
   * Nanoseconds from the phase's first request to request {@code n} when requests are spread evenly
   * (n / rate seconds), with no one-millisecond slots: the serving benchmark's own generator sends at
   * 2,000/s one request every 500 µs instead of two at once each millisecond.
   */
  public static long evenOffsetNanos(long n, int ratePerSecond) {
    if (n < 0 || ratePerSecond < 1) {
      throw new IllegalArgumentException("n " + n + ", rate " + ratePerSecond);
    }
    return Math.multiplyExact(n, 1_000_000_000L) / ratePerSecond;
  }
}
