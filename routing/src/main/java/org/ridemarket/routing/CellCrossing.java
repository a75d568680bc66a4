package org.ridemarket.routing;

import java.util.Objects;

/**
 * One stretch of a route inside one H3 resolution-8 cell: which cell, and how many metres of the
 * route lie in it, so that a per-cell congestion factor can be weighted by the share of the trip it
 * affects.
 *
 * @param cell the resolution-8 cell address, as in {@code Cells.cellOf}
 * @param metres route metres inside the cell (0 for a cell the route only touches at a corner)
 */
public record CellCrossing(String cell, double metres) {

  /** Validates the cell and the metres. */
  public CellCrossing {
    Objects.requireNonNull(cell, "cell");
    if (!(metres >= 0) || Double.isInfinite(metres)) {
      throw new IllegalArgumentException("metres must be finite and >= 0, was " + metres);
    }
  }
}
