package org.ridemarket.simulator.drivers;

import java.util.random.RandomGenerator;
import org.ridemarket.simulator.city.CityCells;
import org.ridemarket.simulator.city.DemandMap;
import org.ridemarket.simulator.city.Point;
import org.ridemarket.simulator.city.StreetGrid;
import org.ridemarket.simulator.clock.SimClock;

/**
 * Idle drivers who watch the surge map: a driver who stops waiting looks at the surging cells
 * within reach and, with a probability that grows with the best surge there, heads for a pickup
 * point in one of them; a driver who does not respond (or sees no surge in reach) repositions as
 * {@link DemandSeekingIdlePolicy} does, drawing exactly what it draws.
 *
 * <p>The pull of a cell is its surge premium (multiplier minus 1) faded by driving distance,
 * {@code (m - 1) * exp(-meters / 1000)}, since a surge often ends before a far driver arrives;
 * cells farther than the demand-seeking reach (2.5 km to the cell's centre) do not pull at all.
 * The share of drivers who respond to the strongest pull {@code p} is
 * {@code 0.8 * (1 - exp(-p / 0.5))}: zero without surge, rising steeply for small premiums
 * (1.2x next door moves about a quarter of the drivers, 1.5x about half, 2x about two thirds) and
 * saturating below 80%, because drivers "chase the surge" only up to a point: some keep to their
 * own area or distrust surges that vanish by the time they get there, and a higher multiplier far
 * away is worth less than a modest one nearby. The responding driver picks a cell in proportion to
 * its pull, so higher and nearer surges draw more drivers.
 */
public final class SurgeSeekingIdlePolicy implements IdlePolicy {

  private static final double MAX_RESPONSE_SHARE = 0.8;
  private static final double RESPONSE_PREMIUM_SCALE = 0.5;
  private static final double PULL_FADE_METERS = 1_000;

  private final DemandSeekingIdlePolicy demandSeeking;
  private final SurgeMap surge;
  private final DemandMap demand;
  private final StreetGrid grid;
  private final RandomGenerator rng;
  private final Point[] centres;
  private final double[] pull;

  /**
   * Surge-seeking over demand seeking with {@code driftProbability}; both draw from {@code rng}, so
   * with no surge in reach the draws, and therefore the run, are those of demand seeking alone.
   */
  public SurgeSeekingIdlePolicy(DemandMap demand, StreetGrid grid, double driftProbability, SurgeMap surge,
      RandomGenerator rng) {
    this.demandSeeking = new DemandSeekingIdlePolicy(demand, grid, driftProbability, rng);
    this.surge = surge;
    this.demand = demand;
    this.grid = grid;
    this.rng = rng;
    this.centres = centres(demand.cells());
    this.pull = new double[centres.length];
  }

  @Override
  public Point nextTarget(Driver driver, Point position, SimClock clock) {
    if (!demandSeeking.movesNow()) {
      return null;
    }
    Point target = towardSurge(position, clock);
    return target != null ? target : demandSeeking.reposition(position, clock);
  }

  /** The share of idle drivers who head for a surge whose distance-faded premium is {@code pull}. */
  static double responseShare(double pull) {
    return pull <= 0 ? 0 : MAX_RESPONSE_SHARE * (1 - Math.exp(-pull / RESPONSE_PREMIUM_SCALE));
  }

  private Point towardSurge(Point position, SimClock clock) {
    double total = 0;
    double strongest = 0;
    for (int cell = 0; cell < centres.length; cell++) {
      pull[cell] = 0;
      double premium = surge.multiplier(cell) - 1;
      if (premium > 0) {
        double meters = metersTo(position, centres[cell]);
        if (meters <= DemandSeekingIdlePolicy.MAX_REPOSITION_METERS) {
          pull[cell] = premium * Math.exp(-meters / PULL_FADE_METERS);
          total += pull[cell];
          strongest = Math.max(strongest, pull[cell]);
        }
      }
    }
    // No draw unless some surge is in reach: without surge the demand-seeking stream stays as it was.
    if (total == 0 || rng.nextDouble() >= responseShare(strongest)) {
      return null;
    }
    int chosen = pick(rng.nextDouble() * total);
    Point target = demand.samplePickup(chosen, clock.hourOfDay(), rng);
    return metersTo(position, target) <= DemandSeekingIdlePolicy.MAX_REPOSITION_METERS ? target : centres[chosen];
  }

  private int pick(double target) {
    double sum = 0;
    int last = -1;
    for (int cell = 0; cell < pull.length; cell++) {
      if (pull[cell] > 0) {
        sum += pull[cell];
        last = cell;
        if (target < sum) {
          return cell;
        }
      }
    }
    return last;
  }

  private double metersTo(Point from, Point to) {
    return grid.gridMeters(from.lat(), from.lon(), to.lat(), to.lon());
  }

  // The middle of each cell's part of the box (the mean of its raster points), a reachable point inside it.
  private static Point[] centres(CityCells cells) {
    double[] lat = new double[cells.count()];
    double[] lon = new double[cells.count()];
    int[] points = new int[cells.count()];
    for (int p = 0; p < cells.pointCount(); p++) {
      int cell = cells.pointCell(p);
      lat[cell] += cells.pointLat(p);
      lon[cell] += cells.pointLon(p);
      points[cell]++;
    }
    Point[] centres = new Point[cells.count()];
    for (int cell = 0; cell < centres.length; cell++) {
      centres[cell] = new Point(lat[cell] / points[cell], lon[cell] / points[cell]);
    }
    return centres;
  }
}
