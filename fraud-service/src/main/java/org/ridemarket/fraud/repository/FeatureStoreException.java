package org.ridemarket.fraud.repository;

/** The feature store could not answer in time; decisions fall back to the degraded policy. */
public final class FeatureStoreException extends RuntimeException {

  public FeatureStoreException(String message) {
    super(message);
  }

  public FeatureStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
