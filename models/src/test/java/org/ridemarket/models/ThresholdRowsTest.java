package org.ridemarket.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThresholdRowsTest {

  @ParameterizedTest
  @EnumSource(Objective.class)
  void shouldSendGeneratedRowsDownBothBranchesOfEverySplit(Objective objective) {
    SyntheticMarket.Trained trained = TrainedModels.of(objective);
    BoostedTrees model = XgboostModelReader.read(trained.booster());

    List<ThresholdRows.Row> rows = ThresholdRows.generate(model, trained.heldOut());

    List<String> unreached = new ArrayList<>();
    for (int t = 0; t < model.trees().size(); t++) {
      BoostedTrees.Tree tree = model.trees().get(t);
      boolean[] reached = new boolean[tree.size()];
      for (ThresholdRows.Row row : rows) {
        markPath(tree, row.values(), reached);
      }
      for (int node = 0; node < tree.size(); node++) {
        if (!reached[node]) {
          unreached.add("tree " + t + " node " + node);
        }
      }
    }
    assertThat(unreached).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Objective.class)
  void shouldPutEveryThresholdAndItsFloatNeighboursIntoTheRows(Objective objective) {
    SyntheticMarket.Trained trained = TrainedModels.of(objective);
    BoostedTrees model = XgboostModelReader.read(trained.booster());

    List<ThresholdRows.Row> rows = ThresholdRows.generate(model, trained.heldOut());

    BoostedTrees.Tree first = model.trees().get(0);
    float threshold = first.value()[0];
    assertThat(rows).filteredOn(row -> row.source().startsWith("threshold-"))
        .extracting(row -> row.values()[first.feature()[0]])
        .contains(threshold, Math.nextDown(threshold), Math.nextUp(threshold), Float.NaN);
  }

  // XGBoost's traversal, written independently of the exporter.
  private static void markPath(BoostedTrees.Tree tree, float[] row, boolean[] reached) {
    int node = 0;
    reached[node] = true;
    while (!tree.isLeaf(node)) {
      float value = row[tree.feature()[node]];
      boolean left = Float.isNaN(value) ? tree.defaultLeft()[node] : value < tree.value()[node];
      node = left ? tree.left()[node] : tree.right()[node];
      reached[node] = true;
    }
  }
}
