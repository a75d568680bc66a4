package org.ridemarket.routing;

import java.time.Instant;

/**
 * Computes the routing baseline of a trip, which the ETA model then corrects. Implementations are
 * thread-safe and answer from memory: no I/O per call.
 */
public interface Router {

  /**
   * The baseline route from origin to destination for a trip starting at departure.
   *
   * @throws NoRouteException if this router cannot route between the two points (off its map,
   *     no road connection); the caller may fall back to a {@link MapFreeRouter}
   */
  Route route(GeoPoint origin, GeoPoint destination, Instant departure);
}
