package org.ridemarket.eta;

import org.ridemarket.routing.Route;

/**
 * The routing baseline of one request and which router made it.
 *
 * @param route distance, duration, path and crossed cells
 * @param router the router that answered
 */
public record TripRoute(Route route, RouterKind router) {

  /** True when the baseline is map-free, as the model's row records it. */
  public boolean mapFree() {
    return router == RouterKind.MAP_FREE;
  }
}
