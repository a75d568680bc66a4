package org.ridemarket.models;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.Arrays;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Converts a trained xgboost4j {@link Booster} into an ONNX model that ONNX Runtime can serve:
 * one float input {@code features} [N, F], one float output [N, 1] named after the objective
 * ({@code prediction} for regression, {@code probability} for binary:logistic).
 */
public final class XgboostOnnxExporter {

  // IR 8, opset 17 and ai.onnx.ml 3 (TreeEnsembleRegressor v3): old enough for any current ONNX Runtime, and
  // nothing newer is needed.
  private static final long IR_VERSION = 8;
  private static final long DEFAULT_OPSET = 17;
  private static final long ML_OPSET = 3;

  /**
   * Exports {@code booster}, whose columns are {@code featureNames} in this order.
   *
   * @throws UnsupportedModelException if the booster uses something the ONNX tree ensemble cannot
   *     express (dart, multi-class, multi-target, categorical splits, another objective)
   * @throws IllegalArgumentException if the feature names do not fit the booster
   */
  public ExportedModel export(Booster booster, List<String> featureNames) {
    BoostedTrees trees = XgboostModelReader.read(booster);
    requireFeatureNames(booster, trees, featureNames);
    Objective objective = trees.objective();
    String marginName = objective.logistic() ? "margin" : objective.outputName();
    GraphProto.Builder graph = GraphProto.newBuilder()
        .setName("xgboost_" + objective.xgboostName().replace(':', '_'))
        .addInput(floatMatrix(ExportedModel.INPUT_NAME, featureNames.size()))
        .addOutput(floatMatrix(objective.outputName(), 1))
        .addNode(TreeEnsembleNode.margin(trees, ExportedModel.INPUT_NAME, marginName));
    if (objective.logistic()) {
      graph.addNode(NodeProto.newBuilder().setOpType("Sigmoid").setName("probability")
          .addInput(marginName).addOutput(objective.outputName()));
    }
    ModelProto model = ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(DEFAULT_OPSET))
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(TreeEnsembleNode.DOMAIN).setVersion(ML_OPSET))
        .setProducerName("ridemarket-models")
        .setDocString("XGBoost " + objective.xgboostName() + " model, " + trees.trees().size() + " trees, inputs "
            + featureNames)
        .setGraph(graph)
        .build();
    return new ExportedModel(model.toByteArray(), objective, featureNames);
  }

  private static void requireFeatureNames(Booster booster, BoostedTrees trees, List<String> featureNames) {
    if (featureNames.size() != trees.featureCount()
        || featureNames.stream().distinct().count() != featureNames.size()) {
      throw new IllegalArgumentException("the booster takes " + trees.featureCount() + " features, got "
          + featureNames.size() + " names (they must be unique): " + featureNames);
    }
    try {
      String[] named = booster.getFeatureNames();
      // A booster trained on a named DMatrix remembers its columns: a different order here would be a silent bug.
      if (named != null && named.length > 0 && !Arrays.asList(named).equals(featureNames)) {
        throw new IllegalArgumentException(
            "the booster was trained with features " + Arrays.toString(named) + ", not " + featureNames);
      }
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost cannot report the booster's feature names", e);
    }
  }

  private static ValueInfoProto floatMatrix(String name, int columns) {
    TensorShapeProto shape = TensorShapeProto.newBuilder()
        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
        .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(columns))
        .build();
    TypeProto.Tensor tensor = TypeProto.Tensor.newBuilder()
        .setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape).build();
    return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(tensor)).build();
  }
}
