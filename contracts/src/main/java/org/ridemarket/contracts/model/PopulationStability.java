package org.ridemarket.contracts.model;

import java.util.List;

/**
 * The population stability index of a feature: how far the distribution of the values a model is served
 * has moved from its training distribution, over the same bins. PSI = sum over bins of
 * (served - trained) * ln(served / trained), shares floored at {@link #FLOOR} so an empty bin does not make
 * it infinite. The usual reading: below 0.1 stable, 0.1 to 0.25 a moderate shift, above 0.25 a shift the
 * model was not trained for.
 */
public final class PopulationStability {

  /** The alert threshold: the k8s alert ModelFeatureDrift fires above it (ADR 0019). */
  public static final double ALERT_THRESHOLD = 0.25;
  /** The floor of a share: one row in ten thousand. */
  public static final double FLOOR = 1e-4;

  private PopulationStability() {
  }

  /** The PSI of served counts per bin against the training shares of the same bins; NaN without counts. */
  public static double psi(List<Double> trainedShares, long[] servedCounts) {
    if (trainedShares.size() != servedCounts.length) {
      throw new IllegalArgumentException(servedCounts.length + " served bins for " + trainedShares.size()
          + " trained bins");
    }
    long total = 0;
    for (long count : servedCounts) {
      total += count;
    }
    if (total == 0) {
      return Double.NaN;
    }
    double psi = 0;
    for (int i = 0; i < servedCounts.length; i++) {
      double trained = Math.max(trainedShares.get(i), FLOOR);
      double served = Math.max((double) servedCounts[i] / total, FLOOR);
      psi += (served - trained) * Math.log(served / trained);
    }
    return psi;
  }
}
