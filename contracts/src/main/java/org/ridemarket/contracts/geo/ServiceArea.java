package org.ridemarket.contracts.geo;

import java.util.Set;

/**
 * Where the marketplace operates: the H3 resolution-3 regions ({@link Cells#REGION_RESOLUTION}) whose
 * cells may carry pickups and drivers. A geo event outside them is a fault (a GPS fix at 0,0, a test
 * device, another deployment's traffic), not a market, and the feature pipeline dead-letters it.
 * Serving a new region means adding it here, the same one-way door as the region's topics and keys.
 */
public final class ServiceArea {

  /** The New York City metro region (about 12,000 km²), where the simulated Midtown Manhattan lies. */
  public static final String NEW_YORK = "832a10fffffffff";

  private static final Set<String> REGIONS = Set.of(NEW_YORK);

  private ServiceArea() {
  }

  /** The served regions. */
  public static Set<String> regions() {
    return REGIONS;
  }

  /** Whether a resolution-8 cell lies in a served region. */
  public static boolean containsCell(String cell) {
    return REGIONS.contains(Cells.regionOf(cell));
  }

  /** Whether a WGS84 point lies in a served region. */
  public static boolean contains(double lat, double lon) {
    return REGIONS.contains(Cells.h3().latLngToCellAddress(lat, lon, Cells.REGION_RESOLUTION));
  }
}
