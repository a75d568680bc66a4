package org.ridemarket.loadtest.bench;

import org.HdrHistogram.Histogram;

/**
 * A floor measured in the same run as the load: the cost of one piece of a decision on its own.
 *
 * @param what what was timed, e.g. {@code Redis HGETALL features:sd:882a100d63fffff}
 * @param p50Millis median, ms
 * @param p99Millis 99th percentile, ms
 * @param samples timed runs
 * @param note how it was measured, or why it is missing
 */
public record Floor(String what, double p50Millis, double p99Millis, long samples, String note) {

  /** The floor of timings recorded in nanoseconds. */
  public static Floor fromNanos(String what, Histogram nanos, String note) {
    return new Floor(what, nanos.getValueAtPercentile(50) / 1e6, nanos.getValueAtPercentile(99) / 1e6,
        nanos.getTotalCount(), note);
  }

  /** A floor that could not be measured, and why. */
  public static Floor missing(String what, String why) {
    return new Floor(what, Double.NaN, Double.NaN, 0, why);
  }
}
