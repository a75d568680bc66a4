package org.ridemarket.service.rest;

import java.util.List;

/**
 * The body of every 4xx/5xx the services return, so that a client handles every error of every
 * service the same way.
 *
 * @param status the HTTP status
 * @param title what went wrong, in a few words
 * @param errors the request fields at fault, with the reason for each; empty when no field is
 */
public record ErrorResponse(int status, String title, List<FieldError> errors) {

  /**
   * One field at fault.
   *
   * @param field the field's path in the request, e.g. {@code pickup.lat}, {@code extra.notes[1]}, a
   *     parameter's name, or {@code body} for the body as a whole
   * @param message why it was refused; never the value itself
   */
  public record FieldError(String field, String message) {
  }
}
