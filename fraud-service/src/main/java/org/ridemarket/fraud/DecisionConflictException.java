package org.ridemarket.fraud;

/** A transaction id already decided for a different payment; answered with a 409, the recorded decision stands. */
public final class DecisionConflictException extends RuntimeException {

  private final String transactionId;

  public DecisionConflictException(String transactionId) {
    super("transaction " + transactionId + " was already decided for a different payment");
    this.transactionId = transactionId;
  }

  /** The transaction id both payments claimed. */
  public String transactionId() {
    return transactionId;
  }
}
