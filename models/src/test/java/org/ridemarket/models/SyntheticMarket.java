package org.ridemarket.models;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Seeded synthetic training data shaped like the marketplace's features, with missing values that
 * carry signal (so that XGBoost learns both default directions), and boosters trained on it.
 */
final class SyntheticMarket {

  static final List<String> FEATURES =
      List.of("requests_5m", "drivers_available", "trend_5m_15m", "speed_ratio_15m", "hour_sin", "noise");

  /** A trained booster with rows it never saw. */
  record Trained(Booster booster, List<String> featureNames, float[][] heldOut) {
  }

  private SyntheticMarket() {
  }

  static Trained train(Objective objective, int rounds, int maxDepth) {
    Random random = new Random(20261121L + objective.ordinal());
    int trainRows = 3_000;
    float[][] x = rows(random, trainRows + 500);
    float[] y = new float[trainRows];
    for (int i = 0; i < trainRows; i++) {
      y[i] = label(objective, x[i], random);
    }
    try {
      DMatrix train = new DMatrix(flatten(x, trainRows), trainRows, FEATURES.size(), Float.NaN);
      train.setLabel(y);
      train.setFeatureNames(FEATURES.toArray(String[]::new));
      Map<String, Object> params = new HashMap<>();
      params.put("objective", objective.xgboostName());
      params.put("max_depth", maxDepth);
      params.put("eta", 0.1);
      params.put("nthread", 1);
      params.put("seed", 7);
      if (objective == Objective.QUANTILE_ERROR) {
        params.put("quantile_alpha", 0.9);
      }
      Booster booster = XGBoost.train(train, params, rounds, Map.of(), null, null);
      train.dispose();
      return new Trained(booster, FEATURES, Arrays.copyOfRange(x, trainRows, x.length));
    } catch (XGBoostError e) {
      throw new IllegalStateException(e);
    }
  }

  static float[][] rows(Random random, int count) {
    float[][] rows = new float[count][];
    for (int i = 0; i < count; i++) {
      rows[i] = new float[] {
          random.nextInt(30),
          random.nextInt(20),
          random.nextFloat() < 0.05f ? Float.NaN : (float) random.nextGaussian(),
          // A fifth of cells have no moving driver to measure speed on: the gap itself is informative.
          random.nextFloat() < 0.2f ? Float.NaN : 0.2f + 1.3f * random.nextFloat(),
          (float) Math.sin(2 * Math.PI * random.nextInt(24) / 24.0),
          random.nextFloat()};
    }
    return rows;
  }

  private static float label(Objective objective, float[] x, Random random) {
    double pressure = x[0] / (1.0 + x[1]);
    double trend = Float.isNaN(x[2]) ? 0 : x[2];
    double congestion = Float.isNaN(x[3]) ? 0.8 : 1.0 - 0.5 * x[3];
    double signal = 1.0 + 0.4 * Math.min(pressure, 3) + 0.2 * trend + 0.5 * congestion + 0.2 * x[4];
    return switch (objective) {
      case SQUARED_ERROR -> (float) (signal + 0.1 * random.nextGaussian());
      // heavy-tailed noise, the case a median regression is for
      case ABSOLUTE_ERROR -> (float) (signal + 0.1 * random.nextGaussian() / Math.max(0.05, random.nextDouble()));
      case QUANTILE_ERROR -> (float) (signal + (0.1 + 0.3 * congestion) * random.nextGaussian());
      case BINARY_LOGISTIC -> random.nextDouble() < 1 / (1 + Math.exp(-(3 * signal - 8))) ? 1f : 0f;
    };
  }

  private static float[] flatten(float[][] rows, int count) {
    int width = rows[0].length;
    float[] flat = new float[count * width];
    for (int i = 0; i < count; i++) {
      System.arraycopy(rows[i], 0, flat, i * width, width);
    }
    return flat;
  }
}
