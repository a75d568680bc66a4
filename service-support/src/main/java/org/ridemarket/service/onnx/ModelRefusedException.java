package org.ridemarket.service.onnx;

/** No model can be opened; the message says why, for logs and readiness checks. */
public final class ModelRefusedException extends RuntimeException {

  public ModelRefusedException(String message) {
    super(message);
  }

  public ModelRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
