package org.ridemarket.simulator.drivers;

import java.util.random.RandomGenerator;
import org.ridemarket.simulator.city.CityCells;
import org.ridemarket.simulator.city.Congestion;
import org.ridemarket.simulator.city.Point;
import org.ridemarket.simulator.city.StreetGrid;
import org.ridemarket.simulator.clock.SimClock;

/**
 * Moves drivers along their routes, one tick at a time, at the congestion speed of the cell they
 * are in, scaled by how briskly the driver drives and a little tick-to-tick variation (lights).
 */
public final class DriverMotion {

  private static final double TICK_SECONDS = SimClock.TICK_MILLIS / 1000.0;

  private final StreetGrid grid;
  private final CityCells cells;
  private final Congestion congestion;
  private final RandomGenerator rng;

  /** Motion over {@code grid}, speeds from {@code congestion}, variation from {@code rng}. */
  public DriverMotion(StreetGrid grid, CityCells cells, Congestion congestion, RandomGenerator rng) {
    this.grid = grid;
    this.cells = cells;
    this.congestion = congestion;
    this.rng = rng;
  }

  /** Advances a driver that has a route; true when it arrived this tick. */
  public boolean move(Driver driver, double hourOfDay) {
    int cell = cells.cellAt(grid.lat(driver.u(), driver.v()), grid.lon(driver.u(), driver.v()));
    double speed = congestion.speedMps(cell, hourOfDay) * driver.speedFactor() * (0.7 + 0.6 * rng.nextDouble());
    return driver.advance(speed * TICK_SECONDS, speed);
  }

  /** A route from the driver's position to {@code target}, turning at a corner inside the city when possible. */
  public Route routeTo(Driver driver, Point target) {
    double u1 = grid.u(target.lat(), target.lon());
    double v1 = grid.v(target.lat(), target.lon());
    boolean avenueFirst = rng.nextBoolean();
    Route route = Route.between(driver.u(), driver.v(), u1, v1, avenueFirst);
    // The corner of an L in the rotated frame can fall outside the box; then turn the other way.
    double cornerU = avenueFirst ? driver.u() : u1;
    double cornerV = avenueFirst ? v1 : driver.v();
    if (!cells.box().contains(grid.lat(cornerU, cornerV), grid.lon(cornerU, cornerV))) {
      route = Route.between(driver.u(), driver.v(), u1, v1, !avenueFirst);
    }
    return route;
  }

  /** The driver's position as latitude/longitude. */
  public Point positionOf(Driver driver) {
    return new Point(grid.lat(driver.u(), driver.v()), grid.lon(driver.u(), driver.v()));
  }

  /** Grid u of a point. */
  public double u(Point point) {
    return grid.u(point.lat(), point.lon());
  }

  /** Grid v of a point. */
  public double v(Point point) {
    return grid.v(point.lat(), point.lon());
  }
}
