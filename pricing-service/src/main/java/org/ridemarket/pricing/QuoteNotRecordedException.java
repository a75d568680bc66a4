package org.ridemarket.pricing;

/** The quote could not be written to PostgreSQL, so it is not given: a price is only promised once it is recorded. */
public final class QuoteNotRecordedException extends RuntimeException {

  public QuoteNotRecordedException(Throwable cause) {
    super("the quote could not be recorded: " + cause.getMessage(), cause);
  }
}
