package org.ridemarket.eta.repository;

/** The feature store could not answer in time; the ETA falls back to the routing baseline. */
public final class FeatureStoreException extends RuntimeException {

  public FeatureStoreException(String message) {
    super(message);
  }

  public FeatureStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
