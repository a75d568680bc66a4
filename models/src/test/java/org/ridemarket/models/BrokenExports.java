package org.ridemarket.models;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;

/** The converter bugs the gate exists to catch, each applied to a correct export's ONNX graph. */
enum BrokenExports {

  /** The first split moved up by one float32 step, as a `<=` for `<` mix-up would do. */
  THRESHOLD_ONE_STEP_UP("nodes_values", (a, split) -> a.setFloats(split, Math.nextUp(a.getFloats(split)))),
  /** Missing values sent the other way at the first split. */
  MISSING_DIRECTION_FLIPPED("nodes_missing_value_tracks_true", (a, split) -> a.setInts(split, 1 - a.getInts(split))),
  /** A base margin (the weight of tree 0) off by 0.01, a smaller cousin of a forgotten logit. */
  BASE_SCORE_OFF("target_weights", (a, split) -> a.setFloats(0, a.getFloats(0) + 0.01f));

  private interface Edit {
    void apply(AttributeProto.Builder attribute, int firstSplit);
  }

  private final String attribute;
  private final Edit edit;

  BrokenExports(String attribute, Edit edit) {
    this.attribute = attribute;
    this.edit = edit;
  }

  ExportedModel applyTo(ExportedModel exported) {
    ModelProto.Builder model = exported.proto().toBuilder();
    NodeProto.Builder trees = model.getGraphBuilder().getNodeBuilderList().stream()
        .filter(node -> node.getOpType().equals("TreeEnsembleRegressor"))
        .findFirst()
        .orElseThrow();
    int firstSplit = named(trees, "nodes_modes").getStringsList().stream()
        .map(mode -> mode.toStringUtf8())
        .toList()
        .indexOf("BRANCH_LT");
    edit.apply(named(trees, attribute), firstSplit);
    return exported.withProto(model.build());
  }

  private static AttributeProto.Builder named(NodeProto.Builder node, String name) {
    return node.getAttributeBuilderList().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow();
  }
}
