package org.ridemarket.fraud;

import java.time.Duration;
import org.ridemarket.service.rest.ServiceUnavailableException;

/** The decision could not be written to PostgreSQL, so it is not given: an answer is only sent once it is recorded. */
public final class DecisionNotRecordedException extends ServiceUnavailableException {

  public DecisionNotRecordedException(Throwable cause) {
    super("the decision could not be recorded; nothing was decided, retry", Duration.ofSeconds(1), cause);
  }
}
