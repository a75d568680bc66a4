package org.ridemarket.fraud;

/** A review action that the review's state forbids (taken by another analyst, already labelled); a 409. */
public final class ReviewConflictException extends RuntimeException {

  public ReviewConflictException(String message) {
    super(message);
  }
}
