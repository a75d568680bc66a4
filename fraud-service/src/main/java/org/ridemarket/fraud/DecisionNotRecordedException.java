package org.ridemarket.fraud;

/** The decision could not be written to PostgreSQL, so it is not given: an answer is only sent once it is recorded. */
public final class DecisionNotRecordedException extends RuntimeException {

  public DecisionNotRecordedException(Throwable cause) {
    super("the decision could not be recorded: " + cause.getMessage(), cause);
  }
}
