package org.ridemarket.fraud;

/** A request that passed the syntax checks but cannot be served as asked; answered with a 400 naming the field. */
public final class InvalidRequestException extends RuntimeException {

  private final String field;

  public InvalidRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field at fault, as the client spelled it. */
  public String field() {
    return field;
  }
}
