package org.ridemarket.routing;

import java.util.Objects;

/** Raised when a router has no answer for a trip, with the reason a caller can act on. */
public final class NoRouteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why there is no route. */
  public enum Reason {
    /** A point is outside the area of the map or too far from any road the router may use. */
    POINT_OFF_MAP,
    /** Both points are on the map, but no road connects them in the allowed direction. */
    NOT_CONNECTED
  }

  private final Reason reason;

  /** An exception for this reason, with a message that names the point or points. */
  public NoRouteException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why there is no route. */
  public Reason reason() {
    return reason;
  }
}
