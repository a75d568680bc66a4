package org.ridemarket.models;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import java.util.Objects;

/**
 * An ONNX model produced by the exporter, with what is needed to run and describe it; its bytes
 * are exactly what the gate checks and the publisher writes.
 */
public final class ExportedModel {

  /** The name of the single input: a float tensor of shape [N, features]. */
  public static final String INPUT_NAME = "features";

  private final byte[] onnx;
  private final Objective objective;
  private final List<String> featureNames;

  ExportedModel(byte[] onnx, Objective objective, List<String> featureNames) {
    this.onnx = onnx.clone();
    this.objective = Objects.requireNonNull(objective, "objective");
    this.featureNames = List.copyOf(featureNames);
  }

  /** A copy of the serialized ONNX model. */
  public byte[] onnx() {
    return onnx.clone();
  }

  /** The model as a protobuf message, for inspection. */
  public OnnxMl.ModelProto proto() {
    try {
      return OnnxMl.ModelProto.parseFrom(onnx);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("the exporter wrote bytes that are not an ONNX model", e);
    }
  }

  /**
   * The same export with another graph, e.g. one edited by hand. Nothing is trusted because of
   * where it came from: whatever this holds still has to pass the gate to be published.
   */
  public ExportedModel withProto(OnnxMl.ModelProto proto) {
    return new ExportedModel(proto.toByteArray(), objective, featureNames);
  }

  /** The XGBoost objective the model was trained with. */
  public Objective objective() {
    return objective;
  }

  /** The input vector, in order. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The name of the single input tensor. */
  public String inputName() {
    return INPUT_NAME;
  }

  /** The name of the single output tensor, of shape [N, 1]. */
  public String outputName() {
    return objective.outputName();
  }
}
