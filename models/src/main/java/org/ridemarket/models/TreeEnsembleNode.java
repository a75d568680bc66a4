package org.ridemarket.models;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.NodeProto;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@code ai.onnx.ml} TreeEnsembleRegressor node that computes XGBoost's margin: tree 0
 * is the base margin, and every node of XGBoost tree {@code t} becomes a node of tree {@code t + 1}
 * with the same id, compared with BRANCH_LT as XGBoost does.
 */
final class TreeEnsembleNode {

  static final String DOMAIN = "ai.onnx.ml";

  private TreeEnsembleNode() {
  }

  static NodeProto margin(BoostedTrees model, String input, String output) {
    AttributeProto.Builder treeIds = ints("nodes_treeids");
    AttributeProto.Builder nodeIds = ints("nodes_nodeids");
    AttributeProto.Builder featureIds = ints("nodes_featureids");
    AttributeProto.Builder values = floats("nodes_values");
    AttributeProto.Builder modes = strings("nodes_modes");
    AttributeProto.Builder trueIds = ints("nodes_truenodeids");
    AttributeProto.Builder falseIds = ints("nodes_falsenodeids");
    AttributeProto.Builder missingTrue = ints("nodes_missing_value_tracks_true");
    AttributeProto.Builder targetTreeIds = ints("target_treeids");
    AttributeProto.Builder targetNodeIds = ints("target_nodeids");
    AttributeProto.Builder targetIds = ints("target_ids");
    AttributeProto.Builder targetWeights = floats("target_weights");
    // Tree 0 is a single leaf holding the base margin, instead of base_values: ONNX Runtime adds base_values
    // after the trees, XGBoost starts from the base margin, and float32 sums in another order round differently.
    BoostedTrees.Tree base = new BoostedTrees.Tree(new int[] {-1}, new int[] {-1}, new int[] {0},
        new float[] {model.objective().baseMargin(model.baseScore())}, new boolean[] {false});
    List<BoostedTrees.Tree> trees = new ArrayList<>(model.trees().size() + 1);
    trees.add(base);
    trees.addAll(model.trees());
    for (int t = 0; t < trees.size(); t++) {
      BoostedTrees.Tree tree = trees.get(t);
      for (int i = 0; i < tree.size(); i++) {
        treeIds.addInts(t);
        nodeIds.addInts(i);
        if (tree.isLeaf(i)) {
          modes.addStrings(ByteString.copyFromUtf8("LEAF"));
          featureIds.addInts(0);
          values.addFloats(0f);
          trueIds.addInts(0);
          falseIds.addInts(0);
          missingTrue.addInts(0);
          targetTreeIds.addInts(t);
          targetNodeIds.addInts(i);
          targetIds.addInts(0);
          targetWeights.addFloats(tree.value()[i]);
        } else {
          // XGBoost's "yes" branch is x < threshold, which is the left child; ONNX calls it the true node.
          modes.addStrings(ByteString.copyFromUtf8("BRANCH_LT"));
          featureIds.addInts(tree.feature()[i]);
          values.addFloats(tree.value()[i]);
          trueIds.addInts(tree.left()[i]);
          falseIds.addInts(tree.right()[i]);
          // NaN < threshold is false, so without this flag every missing value would go right.
          missingTrue.addInts(tree.defaultLeft()[i] ? 1 : 0);
        }
      }
    }
    return NodeProto.newBuilder()
        .setOpType("TreeEnsembleRegressor")
        .setDomain(DOMAIN)
        .setName("xgboost_trees")
        .addInput(input)
        .addOutput(output)
        .addAttribute(AttributeProto.newBuilder().setName("n_targets").setType(AttributeType.INT).setI(1))
        .addAttribute(AttributeProto.newBuilder().setName("aggregate_function").setType(AttributeType.STRING)
            .setS(ByteString.copyFromUtf8("SUM")))
        .addAttribute(AttributeProto.newBuilder().setName("post_transform").setType(AttributeType.STRING)
            .setS(ByteString.copyFromUtf8("NONE")))
        .addAttribute(treeIds).addAttribute(nodeIds).addAttribute(featureIds).addAttribute(values)
        .addAttribute(modes).addAttribute(trueIds).addAttribute(falseIds).addAttribute(missingTrue)
        .addAttribute(targetTreeIds).addAttribute(targetNodeIds).addAttribute(targetIds).addAttribute(targetWeights)
        .build();
  }

  private static AttributeProto.Builder ints(String name) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
  }

  private static AttributeProto.Builder floats(String name) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOATS);
  }

  private static AttributeProto.Builder strings(String name) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRINGS);
  }
}
