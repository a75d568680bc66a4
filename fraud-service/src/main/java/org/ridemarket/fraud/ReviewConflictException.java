package org.ridemarket.fraud;

import java.util.List;
import org.ridemarket.service.rest.RequestRefusedException;

/** A review action that the review's state forbids (taken by another analyst, already labelled); a 409. */
public final class ReviewConflictException extends RequestRefusedException {

  public ReviewConflictException(String message) {
    super(409, message, List.of(), null, null);
  }
}
