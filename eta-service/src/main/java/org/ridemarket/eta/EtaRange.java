package org.ridemarket.eta;

import java.util.Arrays;

/**
 * An ETA in seconds with its 10th and 90th percentiles, always ordered p10 <= eta <= p90.
 *
 * @param p10Seconds 10th percentile
 * @param etaSeconds the point estimate
 * @param p90Seconds 90th percentile
 */
public record EtaRange(double p10Seconds, double etaSeconds, double p90Seconds) {

  /** Validates the order. */
  public EtaRange {
    if (!(p10Seconds <= etaSeconds && etaSeconds <= p90Seconds)) {
      throw new IllegalArgumentException("expected p10 <= eta <= p90, got " + p10Seconds + ", " + etaSeconds
          + ", " + p90Seconds);
    }
  }

  /**
   * The range of three separately trained models' answers. Quantile models are trained apart and can
   * cross on a row far from their data; sorting the three keeps the promise p10 <= eta <= p90 at the
   * cost of a range that no longer strictly means 10 % and 90 % for such rows.
   *
   * @throws IllegalArgumentException if an answer is NaN, infinite or negative
   */
  public static EtaRange sorted(double point, double p10, double p90) {
    double[] seconds = {p10, point, p90};
    for (double value : seconds) {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("a model answered " + value + " seconds");
      }
    }
    Arrays.sort(seconds);
    return new EtaRange(seconds[0], seconds[1], seconds[2]);
  }

  /** The range without models: the baseline itself, between two multiples of it. */
  public static EtaRange degraded(double baselineSeconds, double p10Factor, double p90Factor) {
    return new EtaRange(baselineSeconds * p10Factor, baselineSeconds, baselineSeconds * p90Factor);
  }

  /** True when an actual duration fell inside the range. */
  public boolean covers(double actualSeconds) {
    return p10Seconds <= actualSeconds && actualSeconds <= p90Seconds;
  }
}
