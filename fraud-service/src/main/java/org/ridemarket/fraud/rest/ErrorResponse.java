package org.ridemarket.fraud.rest;

import java.util.List;

/**
 * The body of every 4xx/5xx this service returns.
 *
 * @param status the HTTP status
 * @param title what went wrong, in a few words
 * @param errors the request fields at fault, with the reason for each; empty when no field is
 */
public record ErrorResponse(int status, String title, List<FieldError> errors) {

  /**
   * One field at fault.
   *
   * @param field the field's path in the request, e.g. {@code location.lat} or {@code state}
   * @param message why it was refused
   */
  public record FieldError(String field, String message) {
  }
}
