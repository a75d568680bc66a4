package org.ridemarket.contracts.model;

/** Thrown when a model artifact on disk cannot be trusted: wrong hash, wrong identity, or a failed gate. */
public final class ModelArtifactException extends IllegalStateException {

  ModelArtifactException(String message) {
    super(message);
  }
}
