package org.ridemarket.service.rest;

import java.time.Duration;
import java.util.List;
import org.ridemarket.service.rest.ErrorResponse.FieldError;

/**
 * A request the service answers with an error status: the base of every exception a service throws
 * to refuse a request, so that one mapper ({@link RequestErrorMapper}) turns them all into an
 * {@link ErrorResponse}. The title and messages must never repeat a value the client sent.
 */
public abstract class RequestRefusedException extends RuntimeException {

  private final int status;
  private final String title;
  private final List<FieldError> errors;
  private final Duration retryAfter;

  /**
   * A refusal.
   *
   * @param status the HTTP status, 4xx or 5xx
   * @param title what went wrong, in a few words; the body's title
   * @param errors the fields at fault, possibly none
   * @param retryAfter when to retry, or null for no {@code Retry-After}
   * @param cause the server-side cause of a 5xx, logged, never answered; null for a 4xx
   */
  protected RequestRefusedException(int status, String title, List<FieldError> errors, Duration retryAfter,
      Throwable cause) {
    // A client error needs no stack trace: it is answered, not logged, and refusals must stay cheap.
    super(title, cause, false, status >= 500);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.retryAfter = retryAfter;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The error body's title. */
  public String title() {
    return title;
  }

  /** The fields at fault. */
  public List<FieldError> errors() {
    return errors;
  }

  /** When the client may retry, for the {@code Retry-After} header; null when the answer has none. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
