package org.ridemarket.models.eta;

import java.time.Instant;
import java.util.Optional;
import org.ridemarket.routing.GeoPoint;
import org.ridemarket.routing.MapFreeRouter;
import org.ridemarket.routing.NoRouteException;
import org.ridemarket.routing.Route;
import org.ridemarket.routing.Router;

/**
 * The two routing baselines the ETA service can have, used as it uses them: the road router with the
 * map-free router as its fallback, and the map-free router alone (default cell speeds, as the service
 * without a map).
 */
public final class BaselineRoutes {

  /** A route and whether it came from the map-free router. */
  public record Baseline(Route route, boolean mapFree) {
  }

  private final Optional<Router> road;
  private final Router mapFree = new MapFreeRouter();
  private long fallbacks;

  /** Baselines from {@code road} (empty: no map, every road baseline is the map-free one). */
  public BaselineRoutes(Optional<Router> road) {
    this.road = road;
  }

  /** The road baseline, or the map-free one when the road router has no route. */
  public Baseline road(GeoPoint origin, GeoPoint destination, Instant departure) {
    if (road.isPresent()) {
      try {
        return new Baseline(road.get().route(origin, destination, departure), false);
      } catch (NoRouteException e) {
        fallbacks++;
      }
    }
    return mapFree(origin, destination, departure);
  }

  /** The map-free baseline. */
  public Baseline mapFree(GeoPoint origin, GeoPoint destination, Instant departure) {
    return new Baseline(mapFree.route(origin, destination, departure), true);
  }

  /** Road routes that fell back to the map-free router so far. */
  public long fallbacks() {
    return fallbacks;
  }
}
