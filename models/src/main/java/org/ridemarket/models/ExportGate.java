package org.ridemarket.models;

import java.util.ArrayList;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.ridemarket.contracts.model.GateReport;

/**
 * The parity gate of every export: XGBoost and ONNX Runtime score the caller's held-out rows and
 * rows generated at every split threshold and with missing values, and the export passes only if
 * their largest absolute difference is below the tolerance.
 */
public final class ExportGate {

  // Bounds the native memory of one DMatrix or tensor when a big model generates many threshold rows.
  private static final int BATCH_ROWS = 8_192;

  private final double tolerance;

  /** A gate with the project's tolerance, {@link GateReport#DEFAULT_TOLERANCE}. */
  public ExportGate() {
    this(GateReport.DEFAULT_TOLERANCE);
  }

  /** A gate with another tolerance. */
  public ExportGate(double tolerance) {
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException("tolerance must be positive: " + tolerance);
    }
    this.tolerance = tolerance;
  }

  /**
   * Compares {@code exported} with the {@code booster} it claims to reproduce. The held-out rows are
   * in {@code exported.featureNames()} order, NaN marking a missing value; the caller's arrays are not
   * changed.
   */
  public GateReport check(Booster booster, ExportedModel exported, float[][] heldOut) {
    BoostedTrees trees = XgboostModelReader.read(booster);
    int width = exported.featureNames().size();
    if (heldOut.length == 0 || trees.featureCount() != width) {
      throw new IllegalArgumentException("the gate needs held-out rows and a booster with " + width + " features");
    }
    List<ThresholdRows.Row> rows = new ArrayList<>(heldOut.length);
    for (float[] row : heldOut) {
      if (row.length != width) {
        throw new IllegalArgumentException("held-out rows must have " + width + " values, got " + row.length);
      }
      rows.add(new ThresholdRows.Row(row.clone(), "held-out"));
    }
    rows.addAll(ThresholdRows.generate(trees, heldOut));
    float[] expected = xgboost(booster, rows, width);
    float[] actual;
    try (OnnxScorer onnx = OnnxScorer.open(exported)) {
      actual = onnx(onnx, rows);
    }
    return report(rows, heldOut.length, expected, actual);
  }

  private GateReport report(List<ThresholdRows.Row> rows, int heldOut, float[] expected, float[] actual) {
    int worst = 0;
    double maxDiff = -1;
    for (int i = 0; i < rows.size(); i++) {
      double diff = Math.abs((double) expected[i] - actual[i]);
      // A NaN on one side only is the worst possible disagreement, not a comparison that quietly fails.
      if (Double.isNaN(diff)) {
        diff = Float.isNaN(expected[i]) && Float.isNaN(actual[i]) ? 0 : Double.POSITIVE_INFINITY;
      }
      if (diff > maxDiff) {
        maxDiff = diff;
        worst = i;
      }
    }
    List<Float> worstRow = new ArrayList<>();
    for (float value : rows.get(worst).values()) {
      worstRow.add(Float.isNaN(value) ? null : value);
    }
    return new GateReport(rows.size(), heldOut, maxDiff, tolerance, worstRow, rows.get(worst).source(),
        expected[worst], actual[worst]);
  }

  private static float[] xgboost(Booster booster, List<ThresholdRows.Row> rows, int width) {
    float[] predictions = new float[rows.size()];
    for (int start = 0; start < rows.size(); start += BATCH_ROWS) {
      int count = Math.min(BATCH_ROWS, rows.size() - start);
      float[] flat = new float[count * width];
      for (int i = 0; i < count; i++) {
        System.arraycopy(rows.get(start + i).values(), 0, flat, i * width, width);
      }
      DMatrix matrix = null;
      try {
        matrix = new DMatrix(flat, count, width, Float.NaN);
        float[][] batch = booster.predict(matrix);
        for (int i = 0; i < count; i++) {
          predictions[start + i] = batch[i][0];
        }
      } catch (XGBoostError e) {
        throw new IllegalStateException("XGBoost failed to predict the gate rows: " + e.getMessage(), e);
      } finally {
        if (matrix != null) {
          matrix.dispose();
        }
      }
    }
    return predictions;
  }

  private static float[] onnx(OnnxScorer scorer, List<ThresholdRows.Row> rows) {
    float[] predictions = new float[rows.size()];
    for (int start = 0; start < rows.size(); start += BATCH_ROWS) {
      int count = Math.min(BATCH_ROWS, rows.size() - start);
      float[][] batch = new float[count][];
      for (int i = 0; i < count; i++) {
        batch[i] = rows.get(start + i).values();
      }
      System.arraycopy(scorer.score(batch), 0, predictions, start, count);
    }
    return predictions;
  }
}
