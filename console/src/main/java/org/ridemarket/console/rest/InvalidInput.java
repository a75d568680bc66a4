package org.ridemarket.console.rest;

/** Input the console refuses before calling anything: a 400 naming the field, never the value. */
public class InvalidInput extends RuntimeException {

  private final String field;

  public InvalidInput(String field, String message) {
    super(message, null, false, false);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
