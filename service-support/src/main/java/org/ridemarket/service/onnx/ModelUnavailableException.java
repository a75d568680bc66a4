package org.ridemarket.service.onnx;

/** No model is in service for a decision; the decision is answered degraded. */
public class ModelUnavailableException extends RuntimeException {

  public ModelUnavailableException(String message) {
    super(message, null, false, false);
  }
}
