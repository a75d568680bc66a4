package org.ridemarket.models.eta;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ridemarket.routing.EtaScoring;

/**
 * Error measures of ETA predictions in seconds against what trips actually took, and the range the
 * service shows: {@code [min(p10, point, p90), max(p10, point, p90)]}, so that the range always holds the
 * ETA even where two independently trained quantile models cross.
 */
public final class EtaMetrics {

  /** Residual predictions (log space) of the three models for one row. */
  public record Prediction(double point, double p10, double p90) {

    /** The lower end of the range, as a residual. */
    public double low() {
      return Math.min(point, Math.min(p10, p90));
    }

    /** The upper end of the range, as a residual. */
    public double high() {
      return Math.max(point, Math.max(p10, p90));
    }
  }

  private EtaMetrics() {
  }

  /** Mean absolute error in seconds of {@code predicted} (seconds per row) against the rows' actual durations. */
  public static double meanAbsoluteError(List<EtaRow> rows, double[] predicted) {
    double sum = 0;
    for (int i = 0; i < rows.size(); i++) {
      sum += Math.abs(predicted[i] - rows.get(i).actualSeconds());
    }
    return rows.isEmpty() ? Double.NaN : sum / rows.size();
  }

  /** Mean absolute percentage error (a share, not per cent) of {@code predicted} seconds. */
  public static double meanAbsolutePercentageError(List<EtaRow> rows, double[] predicted) {
    double sum = 0;
    for (int i = 0; i < rows.size(); i++) {
      sum += Math.abs(predicted[i] - rows.get(i).actualSeconds()) / rows.get(i).actualSeconds();
    }
    return rows.isEmpty() ? Double.NaN : sum / rows.size();
  }

  /** Median absolute error in seconds. */
  public static double medianAbsoluteError(List<EtaRow> rows, double[] predicted) {
    double[] errors = new double[rows.size()];
    for (int i = 0; i < errors.length; i++) {
      errors[i] = Math.abs(predicted[i] - rows.get(i).actualSeconds());
    }
    Arrays.sort(errors);
    if (errors.length == 0) {
      return Double.NaN;
    }
    int middle = errors.length / 2;
    return errors.length % 2 == 1 ? errors[middle] : (errors[middle - 1] + errors[middle]) / 2;
  }

  /** The baselines' seconds. */
  public static double[] baselineSeconds(List<EtaRow> rows) {
    return rows.stream().mapToDouble(EtaRow::baselineSeconds).toArray();
  }

  /** The ETA in seconds of each row from its baseline and predicted residual. */
  public static double[] modelSeconds(List<EtaRow> rows, List<Prediction> predictions) {
    double[] seconds = new double[rows.size()];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = EtaScoring.seconds(rows.get(i).baselineSeconds(), predictions.get(i).point());
    }
    return seconds;
  }

  /** Share of rows whose actual duration lies inside the shown range. */
  public static double coverage(List<EtaRow> rows, List<Prediction> predictions) {
    int inside = 0;
    for (int i = 0; i < rows.size(); i++) {
      double label = rows.get(i).label();
      if (label >= predictions.get(i).low() && label <= predictions.get(i).high()) {
        inside++;
      }
    }
    return rows.isEmpty() ? Double.NaN : (double) inside / rows.size();
  }

  /** Mean width of the shown range, in seconds. */
  public static double meanRangeSeconds(List<EtaRow> rows, List<Prediction> predictions) {
    double sum = 0;
    for (int i = 0; i < rows.size(); i++) {
      double baseline = rows.get(i).baselineSeconds();
      sum += EtaScoring.seconds(baseline, predictions.get(i).high()) - EtaScoring.seconds(baseline, predictions.get(i).low());
    }
    return rows.isEmpty() ? Double.NaN : sum / rows.size();
  }

  /** The error measures of baselines and model over {@code rows}, under names ending in {@code suffix}. */
  public static void putAll(Map<String, Double> metrics, String suffix, List<EtaRow> rows,
      List<Prediction> predictions) {
    double[] baseline = baselineSeconds(rows);
    double[] model = modelSeconds(rows, predictions);
    metrics.put("rows" + suffix, (double) rows.size());
    metrics.put("mae_seconds_baseline" + suffix, meanAbsoluteError(rows, baseline));
    metrics.put("mae_seconds_model" + suffix, meanAbsoluteError(rows, model));
    metrics.put("mape_baseline" + suffix, meanAbsolutePercentageError(rows, baseline));
    metrics.put("mape_model" + suffix, meanAbsolutePercentageError(rows, model));
    metrics.put("median_abs_error_seconds_baseline" + suffix, medianAbsoluteError(rows, baseline));
    metrics.put("median_abs_error_seconds_model" + suffix, medianAbsoluteError(rows, model));
    metrics.put("coverage_p10_p90" + suffix, coverage(rows, predictions));
    metrics.put("mean_range_seconds" + suffix, meanRangeSeconds(rows, predictions));
  }
}
