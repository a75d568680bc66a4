package org.ridemarket.contracts.model;

import java.util.Objects;

/**
 * A loaded model version whose bytes were verified against its signature; hand {@link #onnx()} to
 * an ONNX Runtime session.
 */
public final class ModelArtifact {

  private final ModelSignature signature;
  private final byte[] onnx;

  ModelArtifact(ModelSignature signature, byte[] onnx) {
    this.signature = Objects.requireNonNull(signature, "signature");
    this.onnx = onnx.clone();
  }

  /** The signature the bytes were verified against. */
  public ModelSignature signature() {
    return signature;
  }

  /** A copy of the verified ONNX model bytes. */
  public byte[] onnx() {
    return onnx.clone();
  }
}
