package org.ridemarket.service.rest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The service cannot answer now but a retry may succeed (a dependency is down, a deadline passed
 * before the answer was recorded): a 503 with {@code Retry-After}. The cause is logged, never answered.
 */
public class ServiceUnavailableException extends RequestRefusedException {

  /**
   * A refusal without a cause to log.
   *
   * @param message what the client is told, e.g. that nothing was promised
   * @param retryAfter when to retry; sent in whole seconds, at least one
   */
  public ServiceUnavailableException(String message, Duration retryAfter) {
    this(message, retryAfter, null);
  }

  /**
   * A refusal whose cause is logged.
   *
   * @param message what the client is told, e.g. that nothing was promised
   * @param retryAfter when to retry; sent in whole seconds, at least one
   * @param cause why, for the log
   */
  public ServiceUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(503, message, List.of(), Objects.requireNonNull(retryAfter, "retryAfter"), cause);
  }
}
