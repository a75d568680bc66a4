package org.ridemarket.fraud.inference;

/** No fraud model can be served; the message says why, for logs and the readiness check. */
public final class ModelUnavailableException extends RuntimeException {

  public ModelUnavailableException(String message) {
    super(message);
  }

  public ModelUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
