package org.ridemarket.routing;

import com.uber.h3core.H3Core;
import com.uber.h3core.exceptions.H3Exception;
import java.util.ArrayList;
import java.util.List;
import org.ridemarket.contracts.geo.Cells;

/**
 * Turns a path into the H3 resolution-8 cells it crosses, in order, with the metres in each. Every
 * leg of the path is cut into pieces of at most the sampling step and each piece is counted in the
 * cell of its midpoint, so metres per cell are exact to within a step; cells a piece jumped over
 * (only possible with a step longer than a cell's edge) are filled in from the H3 grid path, so
 * consecutive cells are always neighbours.
 */
final class CellTrace {

  /** Default sampling step along a path, in metres: well under a res-8 cell's ~460 m edge. */
  static final double DEFAULT_STEP_METRES = 50;

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
    for (int i = 1; i < path.size(); i++) {
      GeoPoint from = path.get(i - 1);
      GeoPoint to = path.get(i);
      double legMetres = GreatCircle.metres(from, to);
      int pieces = (int) Math.max(1, Math.ceil(legMetres / stepMetres));
      double pieceMetres = legMetres * metresScale / pieces;
      for (int k = 0; k < pieces; k++) {
        cells.add(cellOf(GreatCircle.interpolate(from, to, (k + 0.5) / pieces)), pieceMetres);
      }
    }
    cells.add(cellOf(destination), 0);
    return cells.toCrossings();
  }

  private static long cellOf(GeoPoint point) {
    return H3.latLngToCell(point.lat(), point.lon(), Cells.RESOLUTION);
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
