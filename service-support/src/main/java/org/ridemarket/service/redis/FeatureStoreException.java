package org.ridemarket.service.redis;

/** The feature store could not be read in time: down, slow, or a hash that does not parse. */
public class FeatureStoreException extends RuntimeException {

  public FeatureStoreException(String message) {
    super(message);
  }

  public FeatureStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
