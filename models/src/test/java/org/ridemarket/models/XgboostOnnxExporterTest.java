package org.ridemarket.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class XgboostOnnxExporterTest {

  private final XgboostOnnxExporter exporter = new XgboostOnnxExporter();

  @ParameterizedTest
  @EnumSource(Objective.class)
  void shouldExportOneFeaturesInputAndOneOutputNamedAfterTheObjective(Objective objective) {
    SyntheticMarket.Trained trained = TrainedModels.of(objective);

    ModelProto model = exporter.export(trained.booster(), trained.featureNames()).proto();

    assertThat(model.getGraph().getInputList()).singleElement().satisfies(input -> {
      assertThat(input.getName()).isEqualTo("features");
      assertThat(input.getType().getTensorType().getShape().getDimList())
          .extracting(d -> d.hasDimParam() ? d.getDimParam() : String.valueOf(d.getDimValue()))
          .containsExactly("N", "6");
    });
    assertThat(model.getGraph().getOutputList()).singleElement()
        .satisfies(output -> assertThat(output.getName()).isEqualTo(objective.outputName()));
    assertThat(model.getGraph().getNodeList()).extracting(NodeProto::getOpType).containsExactlyElementsOf(
        objective.logistic() ? List.of("TreeEnsembleRegressor", "Sigmoid") : List.of("TreeEnsembleRegressor"));
  }

  @Test
  void shouldCarryEachSplitsDefaultDirectionForMissingValues() {
    SyntheticMarket.Trained trained = TrainedModels.of(Objective.BINARY_LOGISTIC);
    BoostedTrees trees = XgboostModelReader.read(trained.booster());
    // Tree 0 of the export is the single leaf holding the base margin.
    List<Long> expected = new ArrayList<>(List.of(0L));
    for (BoostedTrees.Tree tree : trees.trees()) {
      for (int i = 0; i < tree.size(); i++) {
        expected.add(!tree.isLeaf(i) && tree.defaultLeft()[i] ? 1L : 0L);
      }
    }

    NodeProto node = exporter.export(trained.booster(), trained.featureNames()).proto().getGraph().getNode(0);

    // The synthetic data makes missing values informative, so XGBoost learned both directions.
    assertThat(expected).contains(0L, 1L);
    assertThat(attribute(node, "nodes_missing_value_tracks_true").getIntsList()).isEqualTo(expected);
  }

  @Test
  void shouldStartTheFraudMarginFromTheLogitOfTheBaseScoreProbability() {
    SyntheticMarket.Trained trained = TrainedModels.of(Objective.BINARY_LOGISTIC);
    float baseScore = XgboostModelReader.read(trained.booster()).baseScore();

    NodeProto node = exporter.export(trained.booster(), trained.featureNames()).proto().getGraph().getNode(0);

    // XGBoost estimated the positive rate, so using base_score as a margin would be visibly wrong.
    assertThat(baseScore).isBetween(0.1f, 0.3f);
    assertThat(attribute(node, "target_weights").getFloats(0))
        .isCloseTo((float) Math.log(baseScore / (1 - baseScore)), within(1e-6f));
  }

  @Test
  void shouldRefuseFeatureNamesInAnotherOrderThanTheBoosterWasTrainedWith() {
    SyntheticMarket.Trained trained = TrainedModels.of(Objective.SQUARED_ERROR);
    List<String> swapped = new ArrayList<>(trained.featureNames());
    swapped.set(0, trained.featureNames().get(1));
    swapped.set(1, trained.featureNames().get(0));

    assertThatThrownBy(() -> exporter.export(trained.booster(), swapped))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was trained with features");
    assertThatThrownBy(() -> exporter.export(trained.booster(), swapped.subList(0, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes 6 features");
  }

  @Test
  void shouldRefuseAnObjectiveItCannotExpress() throws Exception {
    DMatrix data = new DMatrix(new float[] {1, 2, 3, 4}, 4, 1, Float.NaN);
    data.setLabel(new float[] {1, 2, 3, 4});
    var booster = XGBoost.train(data, Map.of("objective", "count:poisson", "nthread", 1), 2, Map.of(), null, null);

    assertThatThrownBy(() -> exporter.export(booster, List.of("x")))
        .isInstanceOf(UnsupportedModelException.class)
        .hasMessageContaining("count:poisson");
    data.dispose();
    booster.dispose();
  }

  private static AttributeProto attribute(NodeProto node, String name) {
    return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow();
  }
}
