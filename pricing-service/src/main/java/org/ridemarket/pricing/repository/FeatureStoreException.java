package org.ridemarket.pricing.repository;

/** The feature store could not answer in time; quotes fall back to the last known multiplier. */
public final class FeatureStoreException extends RuntimeException {

  public FeatureStoreException(String message) {
    super(message);
  }

  public FeatureStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
