package org.ridemarket.fraud;

/**
 * The label is recorded but Kafka did not accept its event; a 503, and the analyst's retry of the same
 * label publishes it again (same event id).
 */
public final class LabelNotPublishedException extends RuntimeException {

  public LabelNotPublishedException(Throwable cause) {
    super("the label is recorded but its event was not published: " + cause.getMessage(), cause);
  }
}
