package org.ridemarket.models;

import java.util.Arrays;

/**
 * The XGBoost objectives the exporter supports, each with its ONNX output and the way XGBoost
 * turns the stored {@code base_score} into the starting margin of every prediction.
 */
public enum Objective {

  /** Least-squares regression: the prediction is the raw margin. */
  SQUARED_ERROR("reg:squarederror", "prediction", false),
  /** Least-absolute-deviation regression (a median): the prediction is the raw margin. */
  ABSOLUTE_ERROR("reg:absoluteerror", "prediction", false),
  /** Quantile regression for one quantile: the prediction is the raw margin. */
  QUANTILE_ERROR("reg:quantileerror", "prediction", false),
  /** Binary classification: the prediction is sigmoid(margin), the probability of the positive class. */
  BINARY_LOGISTIC("binary:logistic", "probability", true);

  private final String xgboostName;
  private final String outputName;
  private final boolean logistic;

  Objective(String xgboostName, String outputName, boolean logistic) {
    this.xgboostName = xgboostName;
    this.outputName = outputName;
    this.logistic = logistic;
  }

  /** The objective from its XGBoost name, e.g. {@code binary:logistic}. */
  public static Objective fromXgboost(String name) {
    return Arrays.stream(values())
        .filter(o -> o.xgboostName.equals(name))
        .findFirst()
        .orElseThrow(() -> new UnsupportedModelException("objective " + name + " is not supported; supported: "
            + Arrays.stream(values()).map(Objective::xgboostName).toList()));
  }

  /** The name XGBoost knows the objective by. */
  public String xgboostName() {
    return xgboostName;
  }

  /** The name of the ONNX output tensor. */
  public String outputName() {
    return outputName;
  }

  /** Whether the margin goes through a sigmoid. */
  public boolean logistic() {
    return logistic;
  }

  /**
   * The margin every tree sum starts from. XGBoost stores {@code base_score} in prediction space:
   * a probability for binary:logistic, whose margin is its logit, and the raw value for regression.
   * The arithmetic is float32, as in XGBoost.
   */
  public float baseMargin(float baseScore) {
    if (!logistic) {
      return baseScore;
    }
    if (!(baseScore > 0f && baseScore < 1f)) {
      throw new UnsupportedModelException("base_score of a binary:logistic model must be in (0, 1): " + baseScore);
    }
    return (float) -Math.log(1.0f / baseScore - 1.0f);
  }
}
