package org.ridemarket.models.surge;

import java.util.List;
import org.ridemarket.contracts.features.SupplyDemandFeatures;

/**
 * The rule a surge model has to beat: the multiplier from the cell's demand/supply ratio alone,
 * {@code clamp(1 + slope * max(0, ratio - knee), 1, cap)}, with knee and slope fitted on the
 * training rows (least absolute error over a grid).
 */
public record RuleBaseline(double knee, double slope, double cap) {

  private static final int RATIO = SupplyDemandFeatures.indexOf(SupplyDemandFeatures.DEMAND_SUPPLY_5M);

  /** The multiplier for a contract-ordered feature vector. */
  public double predict(float[] features) {
    double ratio = features[RATIO];
    return Math.min(cap, Math.max(1.0, 1.0 + slope * Math.max(0.0, ratio - knee)));
  }

  /** The knee and slope with the least mean absolute error on {@code rows}. */
  public static RuleBaseline fit(List<SurgeRow> rows, double cap) {
    RuleBaseline best = null;
    double bestError = Double.POSITIVE_INFINITY;
    for (int k = 0; k <= 40; k++) {
      for (int s = 1; s <= 60; s++) {
        RuleBaseline candidate = new RuleBaseline(k * 0.1, s * 0.05, cap);
        double error = SurgeMetrics.meanAbsoluteError(rows, candidate::predict);
        if (error < bestError) {
          bestError = error;
          best = candidate;
        }
      }
    }
    return best;
  }
}
