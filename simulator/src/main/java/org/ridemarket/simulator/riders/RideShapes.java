package org.ridemarket.simulator.riders;

import java.util.random.RandomGenerator;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.simulator.city.CityBox;
import org.ridemarket.simulator.city.Point;
import org.ridemarket.simulator.city.StreetGrid;

/**
 * The parts of a request that do not depend on place: where it goes (a log-normal trip length,
 * 1 to 5 km typical, inside the city), which product, and how long the rider waits for a driver.
 */
public final class RideShapes {

  private static final double MEDIAN_TRIP_METERS = 2_800;
  private static final double TRIP_LENGTH_SIGMA = 0.5;
  private static final double MIN_TRIP_METERS = 400;
  private static final double GRID_DETOUR = 4 / Math.PI;
  private static final int DROPOFF_ATTEMPTS = 24;
  private static final double XL_SHARE = 0.11;
  private static final double PREMIUM_SHARE = 0.07;
  private static final long MIN_PATIENCE_MILLIS = 60_000;
  private static final double MEAN_EXTRA_PATIENCE_MILLIS = 150_000;
  private static final long MAX_PATIENCE_MILLIS = 600_000;

  private final CityBox box;
  private final StreetGrid grid;

  /** Shapes for rides inside {@code box}. */
  public RideShapes(CityBox box, StreetGrid grid) {
    this.box = box;
    this.grid = grid;
  }

  /** A drop-off for a pickup: a random direction and a log-normal distance, inside the city. */
  public Point dropoff(Point pickup, RandomGenerator rng) {
    double u0 = grid.u(pickup.lat(), pickup.lon());
    double v0 = grid.v(pickup.lat(), pickup.lon());
    for (int attempt = 0; attempt < DROPOFF_ATTEMPTS; attempt++) {
      double meters = Math.max(MIN_TRIP_METERS, MEDIAN_TRIP_METERS * Math.exp(TRIP_LENGTH_SIGMA * rng.nextGaussian()));
      double angle = rng.nextDouble() * 2 * Math.PI;
      // The draw is the driven length; along the grid that is about 1.27 times the straight line.
      double straight = meters / GRID_DETOUR;
      double u = u0 + straight * Math.cos(angle);
      double v = v0 + straight * Math.sin(angle);
      double lat = grid.lat(u, v);
      double lon = grid.lon(u, v);
      if (box.contains(lat, lon)) {
        return new Point(lat, lon);
      }
    }
    // Near a corner every long draw leaves the box: fall back to any point in the box.
    return new Point(box.minLat() + rng.nextDouble() * (box.maxLat() - box.minLat()),
        box.minLon() + rng.nextDouble() * (box.maxLon() - box.minLon()));
  }

  /** Mostly STANDARD, some XL and PREMIUM. */
  public Product product(RandomGenerator rng) {
    double u = rng.nextDouble();
    if (u < PREMIUM_SHARE) {
      return Product.PREMIUM;
    }
    return u < PREMIUM_SHARE + XL_SHARE ? Product.XL : Product.STANDARD;
  }

  /** How long the rider waits for a driver before giving up: a minute plus a few more, on average. */
  public long patienceMillis(RandomGenerator rng) {
    long extra = (long) (-MEAN_EXTRA_PATIENCE_MILLIS * Math.log(1 - rng.nextDouble()));
    return Math.min(MAX_PATIENCE_MILLIS, MIN_PATIENCE_MILLIS + extra);
  }
}
