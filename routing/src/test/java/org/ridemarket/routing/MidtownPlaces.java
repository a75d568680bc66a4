package org.ridemarket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.ridemarket.contracts.geo.Cells;

/** Well-known points of Midtown Manhattan, random points in its box, and the checks every route's cells must pass. */
final class MidtownPlaces {

  static final GeoPoint PENN_STATION = GeoPoint.of(40.7506, -73.9935);
  static final GeoPoint GRAND_CENTRAL = GeoPoint.of(40.7527, -73.9772);
  static final GeoPoint TIMES_SQUARE = GeoPoint.of(40.7580, -73.9855);
  static final GeoPoint UN_HEADQUARTERS = GeoPoint.of(40.7489, -73.9680);
  static final GeoPoint HUDSON_YARDS = GeoPoint.of(40.7538, -74.0020);
  static final GeoPoint EMPIRE_STATE = GeoPoint.of(40.7484, -73.9857);

  private static final double MIN_LAT = 40.7360;
  private static final double MAX_LAT = 40.7590;
  private static final double MIN_LON = -74.0126;
  private static final double MAX_LON = -73.9630;

  private MidtownPlaces() {
  }

  /** A point drawn uniformly from the simulator's city box, which the Midtown extract covers. */
  static GeoPoint randomPoint(SplittableRandom random) {
    return GeoPoint.of(MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT),
        MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON));
  }

  /**
   * The route's cells start in the origin's cell, end in the destination's, and each is a grid
   * neighbour of the one before (no gaps, no repeated cell twice in a row).
   */
  static void assertContiguousCells(Route route, GeoPoint origin, GeoPoint destination) {
    List<String> cells = route.cells();
    assertThat(cells.get(0)).isEqualTo(Cells.cellOf(origin.lat(), origin.lon()));
    assertThat(cells.get(cells.size() - 1)).isEqualTo(Cells.cellOf(destination.lat(), destination.lon()));
    for (int i = 1; i < cells.size(); i++) {
      assertThat(Cells.h3().areNeighborCells(cells.get(i - 1), cells.get(i)))
          .as("cell %d (%s) is a neighbour of cell %d (%s)", i, cells.get(i), i - 1, cells.get(i - 1))
          .isTrue();
    }
    assertThat(cells).allSatisfy(cell -> assertThat(Cells.h3().getResolution(cell)).isEqualTo(Cells.RESOLUTION));
  }

  /** Haversine on a sphere of the mean Earth radius, written independently of {@link GreatCircle}. */
  static double haversineMetres(GeoPoint a, GeoPoint b) {
    double dLat = Math.toRadians(b.lat() - a.lat());
    double dLon = Math.toRadians(b.lon() - a.lon());
    double h = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6_371_008.8 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
  }
}
