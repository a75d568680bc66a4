package org.ridemarket.console.rest;

import java.util.List;

/** The error body of every 4xx the console makes, the shape the services use (service-support). */
public record ErrorBody(int status, String title, List<FieldError> errors) {

  /** One field at fault and why. */
  public record FieldError(String field, String message) {
  }

  static ErrorBody of(int status, String title, String field, String message) {
    return new ErrorBody(status, title, List.of(new FieldError(field, message)));
  }
}
