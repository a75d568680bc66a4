package org.ridemarket.simulator.trips;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulated interval whose ride requests a report covers, e.g. only a demand spike: a trip
 * counts in it by when it was requested, however late it is picked up or completed.
 *
 * @param fromMillis first request time included, epoch milliseconds
 * @param toMillis first request time no longer included, epoch milliseconds
 */
public record RequestWindow(long fromMillis, long toMillis) {

  /** Every request of the run. */
  public static final RequestWindow ALL = new RequestWindow(Long.MIN_VALUE, Long.MAX_VALUE);

  public RequestWindow {
    if (fromMillis >= toMillis) {
      throw new IllegalArgumentException("a request window must end after it starts");
    }
  }

  /** From {@code from} after {@code start} (null: the start) to {@code to} after it (null: no end). */
  public static RequestWindow of(Instant start, Duration from, Duration to) {
    return new RequestWindow(start.plus(from == null ? Duration.ZERO : from).toEpochMilli(),
        to == null ? Long.MAX_VALUE : start.plus(to).toEpochMilli());
  }

  /** True when a request made at {@code requestedAt} (epoch milliseconds) falls in the window. */
  public boolean contains(long requestedAt) {
    return requestedAt >= fromMillis && requestedAt < toMillis;
  }

  /** True when the window has no end. */
  public boolean open() {
    return toMillis == Long.MAX_VALUE;
  }
}
