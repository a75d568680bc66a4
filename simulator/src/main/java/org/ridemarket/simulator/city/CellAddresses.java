package org.ridemarket.simulator.city;

import com.uber.h3core.H3Core;
import java.util.HashMap;
import java.util.Map;
import org.ridemarket.contracts.geo.Cells;

/**
 * The contract's H3 resolution-8 cell of a position, as {@link Cells#cellOf} computes it, with
 * the hex address of each cell built once: a driver ping needs the cell, not a fresh string.
 */
public final class CellAddresses {

  private final H3Core h3 = Cells.h3();
  private final Map<Long, String> addresses = new HashMap<>();

  /** The hex address of the resolution-8 cell containing the point. */
  public String cellOf(double lat, double lon) {
    long cell = h3.latLngToCell(lat, lon, Cells.RESOLUTION);
    String address = addresses.get(cell);
    if (address == null) {
      address = h3.h3ToString(cell);
      addresses.put(cell, address);
    }
    return address;
  }
}
