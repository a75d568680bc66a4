package org.ridemarket.contracts.geo;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The geo key of the contract: H3 cells at resolution 8 (about 0.74 km², the usual surge cell)
 * as hex addresses, and resolution-3 parents as the region, the unit of cell isolation.
 */
public final class Cells {

  /** Resolution of the cells that key geo events and hold features. */
  public static final int RESOLUTION = 8;
  /** Resolution of the region a cell belongs to. */
  public static final int REGION_RESOLUTION = 3;

  private static final H3Core H3 = load();

  private Cells() {
  }

  /** The resolution-8 cell containing a WGS84 point, as a hex address. */
  public static String cellOf(double lat, double lon) {
    return H3.latLngToCellAddress(lat, lon, RESOLUTION);
  }

  /** The region (resolution-3 parent) of a cell. */
  public static String regionOf(String cell) {
    return H3.cellToParentAddress(cell, REGION_RESOLUTION);
  }

  /** The cells at grid distance exactly 1 from this one (its neighbour ring). */
  public static List<String> ring(String cell) {
    return H3.gridRing(cell, 1);
  }

  /** The shared H3 instance, for callers that need more of its API. */
  public static H3Core h3() {
    return H3;
  }

  private static H3Core load() {
    try {
      return H3Core.newInstance();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the H3 native library", e);
    }
  }
}
