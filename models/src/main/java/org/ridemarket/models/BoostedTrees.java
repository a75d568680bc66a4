package org.ridemarket.models;

import java.util.List;

/**
 * The parts of a trained XGBoost model that define its predictions: objective, base score and
 * trees, with thresholds and leaf values in float32 exactly as XGBoost holds them.
 *
 * @param objective the training objective
 * @param baseScore {@code base_score} in prediction space (see {@link Objective#baseMargin})
 * @param featureCount the width of the input vector
 * @param trees the trees, summed in this order
 */
record BoostedTrees(Objective objective, float baseScore, int featureCount, List<Tree> trees) {

  public BoostedTrees {
    trees = List.copyOf(trees);
  }

  /**
   * One tree in XGBoost's array layout: node {@code i} is a leaf when {@code left[i] < 0}, and then
   * {@code value[i]} is its output; otherwise it sends {@code x[feature[i]] < value[i]} to
   * {@code left[i]}, other values to {@code right[i]}, and missing values to the left exactly when
   * {@code defaultLeft[i]}.
   */
  record Tree(int[] left, int[] right, int[] feature, float[] value, boolean[] defaultLeft) {

    /** Number of nodes, leaves included. */
    public int size() {
      return left.length;
    }

    /** Whether node {@code i} is a leaf. */
    public boolean isLeaf(int i) {
      return left[i] < 0;
    }
  }
}
