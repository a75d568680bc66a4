package org.ridemarket.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A routing baseline for one trip: how far, how long without traffic knowledge beyond the
 * router's own, which way, and the H3 resolution-8 cells it crosses in order.
 *
 * @param distanceMetres length of the route in metres
 * @param durationSeconds the baseline duration in seconds
 * @param path the route's geometry from origin to destination (two points for a map-free route)
 * @param crossings the cells along the route in order, consecutive cells being grid neighbours; a
 *     cell appears again only if the route leaves it and comes back
 */
public record Route(double distanceMetres, double durationSeconds, List<GeoPoint> path, List<CellCrossing> crossings) {

  /** Validates the numbers and copies the lists. */
  public Route {
    if (!(distanceMetres >= 0) || Double.isInfinite(distanceMetres)) {
      throw new IllegalArgumentException("distanceMetres must be finite and >= 0, was " + distanceMetres);
    }
    if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
      throw new IllegalArgumentException("durationSeconds must be finite and >= 0, was " + durationSeconds);
    }
    path = List.copyOf(path);
    crossings = List.copyOf(crossings);
    if (path.isEmpty() || crossings.isEmpty()) {
      throw new IllegalArgumentException("a route has at least one point and one cell");
    }
  }

  /** The crossed cells in order, as in {@link #crossings()}. */
  public List<String> cells() {
    List<String> cells = new ArrayList<>(crossings.size());
    for (CellCrossing crossing : crossings) {
      cells.add(crossing.cell());
    }
    return cells;
  }

  /** Each crossed cell once, in order of first crossing: the keys to read in one round trip. */
  public List<String> distinctCells() {
    return List.copyOf(new LinkedHashSet<>(cells()));
  }

  /** The cell the route starts in. */
  public String originCell() {
    return crossings.get(0).cell();
  }

  /** The cell the route ends in. */
  public String destinationCell() {
    return crossings.get(crossings.size() - 1).cell();
  }
}
