package org.ridemarket.eta.inference;

/** The ETA models cannot all be served; the message says why, for logs and the readiness check. */
public final class ModelUnavailableException extends RuntimeException {

  public ModelUnavailableException(String message) {
    super(message);
  }

  public ModelUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
