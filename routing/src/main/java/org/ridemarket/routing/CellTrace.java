package org.ridemarket.routing;

import com.uber.h3core.H3Core;
import com.uber.h3core.exceptions.H3Exception;
import com.uber.h3core.util.LatLng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ridemarket.contracts.geo.Cells;

/**
 * Turns a path into the H3 resolution-8 cells it crosses, in order, with the metres in each. Every
 * leg of the path is cut into pieces of at most the sampling step and each piece is counted in the
 * cell of its midpoint, so metres per cell are exact to within a step; cells a piece jumped over
 * (only possible with a step longer than a cell's edge) are filled in from the H3 grid path, so
 * consecutive cells are always neighbours.
 *
 * <p>Most pieces lie well inside the cell of the piece before them, so the H3 lookup (a native call) and the
 * great-circle midpoint (trigonometry) are skipped for a piece whose midpoint is surely inside that cell: the
 * midpoint is taken on the straight line in latitude and longitude, and it must lie inside the disc around the
 * cell's centre that the cell's boundary contains, less a margin larger than the straight line's distance from
 * the great circle. Every other piece is looked up as before, so the crossings are exactly those of looking up
 * every piece ({@code CellTraceTest} compares the two on random paths).
 */
final class CellTrace {

  /** Default sampling step along a path, in metres: well under a res-8 cell's ~460 m edge. */
  static final double DEFAULT_STEP_METRES = 50;

  /** Longest leg whose pieces may be placed on the straight line in latitude and longitude. */
  static final double STRAIGHT_LEG_METRES = 10_000;

  private static final H3Core H3 = Cells.h3();

  private final double stepMetres;

  CellTrace(double stepMetres) {
    if (!(stepMetres > 0) || Double.isInfinite(stepMetres)) {
      throw new IllegalArgumentException("stepMetres must be finite and > 0, was " + stepMetres);
    }
    this.stepMetres = stepMetres;
  }

  /**
   * The crossings from the origin's cell along the path to the destination's cell, each leg's
   * metres multiplied by {@code metresScale} (a detour factor for a straight line, 1 for a road
   * geometry). Origin and destination may lie off the path (a road router snaps them to the
   * nearest road): their cells come first and last, with no metres of their own.
   */
  List<CellCrossing> crossings(GeoPoint origin, List<GeoPoint> path, GeoPoint destination, double metresScale) {
    Accumulator cells = new Accumulator();
    cells.add(cellOf(origin), 0);
    InnerDisc last = null;
    for (int i = 1; i < path.size(); i++) {
      GeoPoint from = path.get(i - 1);
      GeoPoint to = path.get(i);
      double legMetres = GreatCircle.metres(from, to);
      int pieces = (int) Math.max(1, Math.ceil(legMetres / stepMetres));
      double pieceMetres = legMetres * metresScale / pieces;
      double margin = straightLineMargin(from, to, legMetres);
      for (int k = 0; k < pieces; k++) {
        double fraction = (k + 0.5) / pieces;
        if (last != null && last.surelyContains(from.lat() + fraction * (to.lat() - from.lat()),
            from.lon() + fraction * (to.lon() - from.lon()), margin)) {
          cells.add(last.cell, pieceMetres);
          continue;
        }
        long cell = cellOf(GreatCircle.interpolate(from, to, fraction));
        if (last == null || last.cell != cell) {
          last = InnerDisc.of(cell);
        }
        cells.add(cell, pieceMetres);
      }
    }
    cells.add(cellOf(destination), 0);
    return cells.toCrossings();
  }

  /**
   * How far, at most, a point at some fraction of the straight line in latitude and longitude from {@code from}
   * to {@code to} lies from the point at the same fraction of the great circle, plus a metre for the flat
   * approximation of {@link InnerDisc}; infinite (no shortcut) for a leg that crosses the antimeridian, comes
   * near a pole or is longer than {@link #STRAIGHT_LEG_METRES}. The two curves part by the order of
   * {@code length² tan(latitude) / radius}; twice that with {@code 1 + |tan|} is a bound that
   * {@code CellTraceTest} checks on legs up to the longest allowed.
   */
  static double straightLineMargin(GeoPoint from, GeoPoint to, double legMetres) {
    double maxAbsLat = Math.max(Math.abs(from.lat()), Math.abs(to.lat()));
    if (legMetres > STRAIGHT_LEG_METRES || Math.abs(to.lon() - from.lon()) > 1 || maxAbsLat > 80) {
      return Double.POSITIVE_INFINITY;
    }
    double tan = Math.abs(Math.tan(Math.toRadians(maxAbsLat)));
    return 1 + 2 * legMetres * legMetres * (1 + tan) / GreatCircle.EARTH_RADIUS_METRES;
  }

  private static long cellOf(GeoPoint point) {
    return H3.latLngToCell(point.lat(), point.lon(), Cells.RESOLUTION);
  }

  /**
   * The disc around a cell's centre that its boundary contains, in a flat approximation around the centre
   * (metres east and north): a disc around an interior point no wider than its distance to the boundary lies
   * inside the polygon, convex or not.
   */
  static final class InnerDisc {
    private static final double METRES_PER_DEGREE = Math.toRadians(1) * GreatCircle.EARTH_RADIUS_METRES;
    /** Discs kept: a city's cells many times over (Midtown's routes cross a few hundred), about 100 bytes each. */
    static final int CACHED_CELLS = 16_384;
    // A cell's disc never changes, and working it out takes two native H3 calls and a pass over the boundary.
    private static final Map<Long, InnerDisc> CACHE = new ConcurrentHashMap<>();

    final long cell;
    private final double centreLat;
    private final double centreLon;
    private final double metresPerDegreeLon;
    private final double radius;

    /** The disc of {@code cell}, kept for the next route through it while fewer than {@link #CACHED_CELLS} are. */
    static InnerDisc of(long cell) {
      InnerDisc disc = CACHE.get(cell);
      if (disc != null) {
        return disc;
      }
      disc = new InnerDisc(cell);
      if (CACHE.size() < CACHED_CELLS) {
        CACHE.putIfAbsent(cell, disc);
      }
      return disc;
    }

    InnerDisc(long cell) {
      LatLng centre = H3.cellToLatLng(cell);
      this.cell = cell;
      this.centreLat = centre.lat;
      this.centreLon = centre.lng;
      this.metresPerDegreeLon = METRES_PER_DEGREE * Math.cos(Math.toRadians(centreLat));
      List<LatLng> boundary = H3.cellToBoundary(cell);
      double nearest = Double.POSITIVE_INFINITY;
      for (int i = 0; i < boundary.size(); i++) {
        LatLng a = boundary.get(i);
        LatLng b = boundary.get((i + 1) % boundary.size());
        nearest = Math.min(nearest, distanceToSegment(east(a.lng), north(a.lat), east(b.lng), north(b.lat)));
      }
      this.radius = nearest;
    }

    /** The radius in metres: the centre's distance to the nearest point of the boundary. */
    double radius() {
      return radius;
    }

    /** Whether the point lies more than {@code margin} metres inside the disc. */
    boolean surelyContains(double lat, double lon, double margin) {
      double inside = radius - margin;
      if (!(inside > 0)) {
        return false;
      }
      double east = east(lon);
      double north = north(lat);
      return east * east + north * north < inside * inside;
    }

    private double east(double lon) {
      return (lon - centreLon) * metresPerDegreeLon;
    }

    private double north(double lat) {
      return (lat - centreLat) * METRES_PER_DEGREE;
    }

    // Distance from the origin to the segment from (ax, ay) to (bx, by).
    private static double distanceToSegment(double ax, double ay, double bx, double by) {
      double dx = bx - ax;
      double dy = by - ay;
      double lengthSquared = dx * dx + dy * dy;
      double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
      return Math.hypot(ax + t * dx, ay + t * dy);
    }
  }

  /** Collapses consecutive pieces in one cell and bridges non-neighbouring consecutive cells. */
  private static final class Accumulator {
    private final List<Long> cells = new ArrayList<>();
    private final List<Double> metres = new ArrayList<>();

    void add(long cell, double pieceMetres) {
      int last = cells.size() - 1;
      if (last >= 0 && cells.get(last) == cell) {
        metres.set(last, metres.get(last) + pieceMetres);
        return;
      }
      if (last >= 0 && !H3.areNeighborCells(cells.get(last), cell)) {
        for (long between : bridge(cells.get(last), cell)) {
          cells.add(between);
          metres.add(0.0);
        }
      }
      cells.add(cell);
      metres.add(pieceMetres);
    }

    /** The cells strictly between two cells on the H3 grid path (none if H3 has no path). */
    private static List<Long> bridge(long from, long to) {
      try {
        List<Long> path = H3.gridPathCells(from, to);
        return path.subList(1, path.size() - 1);
      } catch (H3Exception e) {
        // across a pentagon H3 has no grid path; a gap is better than no route
        return List.of();
      }
    }

    List<CellCrossing> toCrossings() {
      List<CellCrossing> crossings = new ArrayList<>(cells.size());
      for (int i = 0; i < cells.size(); i++) {
        crossings.add(new CellCrossing(H3.h3ToString(cells.get(i)), metres.get(i)));
      }
      return crossings;
    }
  }
}
