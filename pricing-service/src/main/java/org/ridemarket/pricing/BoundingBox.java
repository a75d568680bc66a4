package org.ridemarket.pricing;

import com.uber.h3core.util.LatLng;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.service.rest.InvalidRequestException;

/**
 * A latitude/longitude box on the map, not crossing the antimeridian.
 *
 * @param minLat southern edge
 * @param minLon western edge
 * @param maxLat northern edge
 * @param maxLon eastern edge
 */
public record BoundingBox(double minLat, double minLon, double maxLat, double maxLon) {

  private static final double KM_PER_DEGREE = 111.32;
  // Average area of an H3 resolution-8 cell.
  private static final double CELL_KM2 = 0.737;

  /**
   * The resolution-8 cells whose centre lies in the box, plus those under its corners and centre,
   * so that a box smaller than a cell still shows the cells it touches.
   *
   * @throws InvalidRequestException if the edges are inverted or the box covers more than
   *     {@code maxCells} cells
   */
  public List<String> cells(int maxCells) {
    if (!(minLat < maxLat)) {
      throw new InvalidRequestException("maxLat", "must be greater than minLat");
    }
    if (!(minLon < maxLon)) {
      throw new InvalidRequestException("maxLon", "must be greater than minLon (boxes across the antimeridian are not supported)");
    }
    // Estimated before filling, so that a huge box is refused without enumerating its cells.
    double km2 = (maxLat - minLat) * KM_PER_DEGREE
        * (maxLon - minLon) * KM_PER_DEGREE * Math.cos(Math.toRadians((minLat + maxLat) / 2));
    long estimate = Math.round(km2 / CELL_KM2);
    if (estimate > maxCells) {
      throw new InvalidRequestException("box", "covers about " + estimate + " cells; at most " + maxCells
          + " are allowed, zoom in");
    }
    List<LatLng> outline = List.of(new LatLng(minLat, minLon), new LatLng(minLat, maxLon),
        new LatLng(maxLat, maxLon), new LatLng(maxLat, minLon));
    Set<String> cells = new LinkedHashSet<>(Cells.h3().polygonToCellAddresses(outline, List.of(), Cells.RESOLUTION));
    outline.forEach(corner -> cells.add(Cells.cellOf(corner.lat, corner.lng)));
    cells.add(Cells.cellOf((minLat + maxLat) / 2, (minLon + maxLon) / 2));
    if (cells.size() > maxCells) {
      throw new InvalidRequestException("box", "covers " + cells.size() + " cells; at most " + maxCells
          + " are allowed, zoom in");
    }
    return List.copyOf(cells);
  }
}
