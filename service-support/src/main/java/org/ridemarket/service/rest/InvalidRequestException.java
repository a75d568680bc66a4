package org.ridemarket.service.rest;

import java.util.List;
import org.ridemarket.service.rest.ErrorResponse.FieldError;

/** A request that passed the syntax checks but cannot be served as asked: a 400 naming the field. */
public class InvalidRequestException extends RequestRefusedException {

  private final String field;

  /**
   * A refusal of one field.
   *
   * @param field the request field at fault, as the client spelled it (a JSON path or a parameter's name)
   * @param message why, without repeating the value
   */
  public InvalidRequestException(String field, String message) {
    super(400, "invalid request", List.of(new FieldError(field, message)), null, null);
    this.field = field;
  }

  /** A refusal of several fields at once; {@link #field()} is the first. */
  public InvalidRequestException(List<FieldError> errors) {
    super(400, "invalid request", errors, null, null);
    this.field = errors.get(0).field();
  }

  /** The request field at fault. */
  public String field() {
    return field;
  }
}
