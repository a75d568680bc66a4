package org.ridemarket.fraud;

import java.util.List;
import org.ridemarket.service.rest.RequestRefusedException;

/** No decision with this transaction id is in the review queue; a 404 that does not repeat the id (a path parameter). */
public final class ReviewNotFoundException extends RequestRefusedException {

  /**
   * A refusal.
   *
   * @param transactionId the id asked for; kept out of the message, the log and the answer
   */
  public ReviewNotFoundException(String transactionId) {
    super(404, "no review for this transaction", List.of(), null, null);
  }
}
