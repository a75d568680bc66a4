package org.ridemarket.service.rest;

import java.time.Duration;

/**
 * The service must not answer unrecorded and could not record in time, or is overloaded: a 503 with
 * {@code Retry-After}, fast, so the caller can retry elsewhere.
 */
public class ServiceUnavailableException extends RuntimeException {

  private final Duration retryAfter;

  public ServiceUnavailableException(String message, Duration retryAfter) {
    super(message, null, false, false);
    this.retryAfter = retryAfter;
  }

  /** When the caller may retry. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
