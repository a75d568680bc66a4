package org.ridemarket.fraud;

import java.util.List;
import org.ridemarket.service.rest.ErrorResponse.FieldError;
import org.ridemarket.service.rest.RequestRefusedException;

/** A transaction id already decided for a different payment; answered with a 409, the recorded decision stands. */
public final class DecisionConflictException extends RequestRefusedException {

  private final String transactionId;

  public DecisionConflictException(String transactionId) {
    super(409, "this transaction was already decided for a different payment; its recorded decision stands",
        List.of(new FieldError("transactionId", "already used for a payment with other fields")), null, null);
    this.transactionId = transactionId;
  }

  /** The transaction id both payments claimed. */
  public String transactionId() {
    return transactionId;
  }
}
