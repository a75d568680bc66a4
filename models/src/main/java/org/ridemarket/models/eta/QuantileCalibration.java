package org.ridemarket.models.eta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Conformalized quantile regression (CQR, Romano et al. 2019), one tail at a time: on calibration rows the
 * models never trained on, the offset that makes a quantile model's bound miss on the intended share of
 * rows; and the booster with that offset baked into its {@code base_score}, so that XGBoost, the export
 * and the service all predict the calibrated bound with nothing extra to apply.
 */
public final class QuantileCalibration {

  private static final Pattern BASE_SCORE = Pattern.compile("\"base_score\":\"(\\[?)([^\"\\]]+)(\\]?)\"");

  private QuantileCalibration() {
  }

  /**
   * The offset to add to a lower bound so that the label falls below it on at most {@code miss} of future
   * rows: the finite-sample {@code ceil((n + 1)(1 - miss))}-th smallest of {@code bound - label}, negated.
   * Positive when the raw bound was too low (it moves up), negative when it was too high.
   */
  public static double lowerOffset(double[] bounds, double[] labels, double miss) {
    double[] excess = new double[bounds.length];
    for (int i = 0; i < bounds.length; i++) {
      excess[i] = bounds[i] - labels[i];
    }
    return -conformalQuantile(excess, 1 - miss);
  }

  /** The offset to add to an upper bound so that the label exceeds it on at most {@code miss} of future rows. */
  public static double upperOffset(double[] bounds, double[] labels, double miss) {
    double[] excess = new double[bounds.length];
    for (int i = 0; i < bounds.length; i++) {
      excess[i] = labels[i] - bounds[i];
    }
    return conformalQuantile(excess, 1 - miss);
  }

  static double conformalQuantile(double[] scores, double level) {
    if (scores.length == 0) {
      throw new IllegalArgumentException("no calibration rows");
    }
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil((sorted.length + 1) * level);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
  }

  /**
   * A copy of {@code booster} whose predictions are all {@code offset} higher: its stored {@code base_score}
   * (the starting margin of a regression, in prediction space) moved by the offset, in float32 as XGBoost
   * keeps it. Only for regressions whose margin is the prediction.
   */
  public static Booster shifted(Booster booster, double offset) {
    try {
      String json = new String(booster.toByteArray("json"), StandardCharsets.UTF_8);
      Matcher matcher = BASE_SCORE.matcher(json);
      if (!matcher.find()) {
        throw new IllegalStateException("the booster's JSON holds no base_score");
      }
      float baseScore = Float.parseFloat(matcher.group(2).strip());
      float moved = (float) (baseScore + offset);
      String replaced = json.substring(0, matcher.start()) + "\"base_score\":\"" + matcher.group(1)
          + Float.toString(moved).replace('e', 'E') + matcher.group(3) + "\"" + json.substring(matcher.end());
      if (matcher.find()) {
        throw new IllegalStateException("the booster's JSON holds more than one base_score");
      }
      return XGBoost.loadModel(replaced.getBytes(StandardCharsets.UTF_8));
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost cannot round-trip the booster through JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
