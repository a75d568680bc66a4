package org.ridemarket.models.surge;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Error measures of a surge predictor against the hindsight labels. */
public final class SurgeMetrics {

  private SurgeMetrics() {
  }

  /** Mean absolute error over {@code rows}; NaN without rows. */
  public static double meanAbsoluteError(List<SurgeRow> rows, ToDoubleFunction<float[]> predictor) {
    double sum = 0;
    for (SurgeRow row : rows) {
      sum += Math.abs(predictor.applyAsDouble(row.features()) - row.label());
    }
    return rows.isEmpty() ? Double.NaN : sum / rows.size();
  }

  /** Root mean squared error over {@code rows}; NaN without rows. */
  public static double rootMeanSquaredError(List<SurgeRow> rows, ToDoubleFunction<float[]> predictor) {
    double sum = 0;
    for (SurgeRow row : rows) {
      double error = predictor.applyAsDouble(row.features()) - row.label();
      sum += error * error;
    }
    return rows.isEmpty() ? Double.NaN : Math.sqrt(sum / rows.size());
  }
}
