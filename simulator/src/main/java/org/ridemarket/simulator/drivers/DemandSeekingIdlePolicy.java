package org.ridemarket.simulator.drivers;

import java.util.random.RandomGenerator;
import org.ridemarket.simulator.city.CityBox;
import org.ridemarket.simulator.city.DemandMap;
import org.ridemarket.simulator.city.Point;
import org.ridemarket.simulator.city.StreetGrid;
import org.ridemarket.simulator.clock.SimClock;

/**
 * Idle drivers wait a couple of minutes, then either reposition toward where riders are likely
 * to be at this hour (drawn from the demand map, within reach) or cruise around the block.
 */
public final class DemandSeekingIdlePolicy implements IdlePolicy {

  /** Farthest driving distance an idle driver goes to reposition; beyond it the driver cruises instead. */
  static final double MAX_REPOSITION_METERS = 2_500;
  private static final double MEAN_IDLE_SECONDS = 150;
  private static final double CRUISE_METERS = 500;

  private final DemandMap demand;
  private final StreetGrid grid;
  private final double driftProbability;
  private final RandomGenerator rng;

  /** With probability {@code driftProbability} a moving idle driver heads for demand, else cruises. */
  public DemandSeekingIdlePolicy(DemandMap demand, StreetGrid grid, double driftProbability, RandomGenerator rng) {
    this.demand = demand;
    this.grid = grid;
    this.driftProbability = driftProbability;
    this.rng = rng;
  }

  @Override
  public Point nextTarget(Driver driver, Point position, SimClock clock) {
    return movesNow() ? reposition(position, clock) : null;
  }

  /** True when an idle driver stops waiting this tick; one draw, so idle spells last MEAN_IDLE_SECONDS on average. */
  boolean movesNow() {
    return rng.nextDouble() < SimClock.TICK_MILLIS / 1000.0 / MEAN_IDLE_SECONDS;
  }

  /** Where a driver who stopped waiting heads: toward demand within reach, else around the block. */
  Point reposition(Point position, SimClock clock) {
    if (rng.nextDouble() < driftProbability) {
      Point target = demand.samplePickup(demand.sampleCell(clock.hourOfDay(), rng), clock.hourOfDay(), rng);
      if (grid.gridMeters(position.lat(), position.lon(), target.lat(), target.lon()) <= MAX_REPOSITION_METERS) {
        return target;
      }
    }
    CityBox box = demand.cells().box();
    double u = grid.u(position.lat(), position.lon()) + (rng.nextDouble() * 2 - 1) * CRUISE_METERS;
    double v = grid.v(position.lat(), position.lon()) + (rng.nextDouble() * 2 - 1) * CRUISE_METERS;
    double lat = grid.lat(u, v);
    double lon = grid.lon(u, v);
    return new Point(Math.max(box.minLat(), Math.min(box.maxLat(), lat)),
        Math.max(box.minLon(), Math.min(box.maxLon(), lon)));
  }
}
