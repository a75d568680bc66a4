package org.ridemarket.simulator.trips;

/**
 * Times from request to pick-up in one-second buckets up to an hour, so that a run of any length
 * reports the median and tail in fixed memory. Every simulated time falls on a one-second tick, so
 * within the hour the buckets are exact; longer waits (none are expected: a request is dropped
 * after 4 minutes without a driver) share the last bucket and read as one hour.
 */
final class PickupWaits {

  static final int MAX_SECONDS = 3_600;

  private final long[] bySecond = new long[MAX_SECONDS + 1];
  private long count;
  private long totalMillis;

  void add(long waitMillis) {
    bySecond[(int) Math.max(0, Math.min(MAX_SECONDS, waitMillis / 1000))]++;
    count++;
    totalMillis += waitMillis;
  }

  long count() {
    return count;
  }

  /** Mean wait, seconds (exact, from the total); 0 before the first pick-up. */
  double meanSeconds() {
    return count == 0 ? 0 : totalMillis / 1000.0 / count;
  }

  /** The {@code share} quantile by nearest rank: the wait that {@code share} of the pick-ups did not exceed. */
  double quantileSeconds(double share) {
    if (count == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(share * count));
    long seen = 0;
    for (int second = 0; second < bySecond.length; second++) {
      seen += bySecond[second];
      if (seen >= rank) {
        return second;
      }
    }
    return MAX_SECONDS;
  }
}
