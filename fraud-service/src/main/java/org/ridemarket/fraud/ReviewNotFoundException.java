package org.ridemarket.fraud;

/** No decision with this transaction id is in the review queue; a 404. */
public final class ReviewNotFoundException extends RuntimeException {

  public ReviewNotFoundException(String transactionId) {
    super("no review for transaction " + transactionId);
  }
}
