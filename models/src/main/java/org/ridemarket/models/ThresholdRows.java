package org.ridemarket.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Generates the rows where an export is most likely to be wrong: for every split of every tree, a
 * real row steered down to that split, with the split's feature set exactly at, one float32 step
 * below and above the threshold, and missing; plus real rows with a missing feature.
 */
final class ThresholdRows {

  /** A row to score, and why it was generated. */
  record Row(float[] values, String source) {
  }

  private final BoostedTrees model;
  private final float[][] realRows;
  private final List<Row> rows = new ArrayList<>();
  private int nextReal;

  private ThresholdRows(BoostedTrees model, float[][] realRows) {
    this.model = model;
    this.realRows = realRows;
  }

  static List<Row> generate(BoostedTrees model, float[][] realRows) {
    ThresholdRows generator = new ThresholdRows(model, realRows);
    for (BoostedTrees.Tree tree : model.trees()) {
      generator.visit(tree, 0, new ArrayList<>());
    }
    generator.addMissingValueRows();
    return generator.rows;
  }

  private record Step(int feature, float threshold, boolean left, boolean defaultLeft) {
  }

  private void visit(BoostedTrees.Tree tree, int node, List<Step> path) {
    if (tree.isLeaf(node)) {
      return;
    }
    int feature = tree.feature()[node];
    float threshold = tree.value()[node];
    float[] base = steer(realRows[nextReal++ % realRows.length].clone(), path);
    // float32 on both sides, as XGBoost compares: nextDown/nextUp are the closest values that must split differently.
    add(base, feature, threshold, "threshold-at");
    add(base, feature, Math.nextDown(threshold), "threshold-below");
    add(base, feature, Math.nextUp(threshold), "threshold-above");
    add(base, feature, Float.NaN, "threshold-missing");
    boolean defaultLeft = tree.defaultLeft()[node];
    path.add(new Step(feature, threshold, true, defaultLeft));
    visit(tree, tree.left()[node], path);
    path.set(path.size() - 1, new Step(feature, threshold, false, defaultLeft));
    visit(tree, tree.right()[node], path);
    path.remove(path.size() - 1);
  }

  // Changes only the features whose real value would leave the path, so the rest of the row stays realistic.
  private static float[] steer(float[] row, List<Step> path) {
    for (Step step : path) {
      float value = row[step.feature()];
      boolean follows = Float.isNaN(value) ? step.defaultLeft() == step.left()
          : step.left() == (value < step.threshold());
      if (!follows) {
        row[step.feature()] = valueInside(path, step.feature());
      }
    }
    return row;
  }

  // The lowest value of [lo, hi) that every step on this feature allows. XGBoost also splits missing from
  // present values by splitting a feature twice at one threshold; no number reaches such a node, NaN does.
  private static float valueInside(List<Step> path, int feature) {
    float lo = Float.NEGATIVE_INFINITY;
    float hi = Float.POSITIVE_INFINITY;
    boolean missingFollows = true;
    for (Step step : path) {
      if (step.feature() == feature) {
        if (step.left()) {
          hi = Math.min(hi, step.threshold());
        } else {
          lo = Math.max(lo, step.threshold());
        }
        missingFollows &= step.defaultLeft() == step.left();
      }
    }
    if (!(lo < hi) && missingFollows) {
      return Float.NaN;
    }
    return lo != Float.NEGATIVE_INFINITY ? lo : Math.nextDown(hi);
  }

  private void addMissingValueRows() {
    float[] allMissing = new float[model.featureCount()];
    Arrays.fill(allMissing, Float.NaN);
    rows.add(new Row(allMissing, "all-missing"));
    for (int i = 0; i < realRows.length; i++) {
      add(realRows[i], i % model.featureCount(), Float.NaN, "held-out-with-missing");
    }
  }

  private void add(float[] base, int feature, float value, String source) {
    float[] row = base.clone();
    row[feature] = value;
    rows.add(new Row(row, source));
  }
}
