package org.ridemarket.pricing;

import java.time.Duration;
import org.ridemarket.service.rest.ServiceUnavailableException;

/** The quote could not be written to PostgreSQL, so it is not given: a price is only promised once it is recorded. */
public final class QuoteNotRecordedException extends ServiceUnavailableException {

  public QuoteNotRecordedException(Throwable cause) {
    super("the quote could not be recorded; no price was promised, retry", Duration.ofSeconds(1), cause);
  }
}
