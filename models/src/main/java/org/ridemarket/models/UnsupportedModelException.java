package org.ridemarket.models;

/** Thrown when a booster uses something the exporter cannot express faithfully in ONNX. */
public final class UnsupportedModelException extends IllegalArgumentException {

  /** A rejection with the reason. */
  public UnsupportedModelException(String message) {
    super(message);
  }
}
