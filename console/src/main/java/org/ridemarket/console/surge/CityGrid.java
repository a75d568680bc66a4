package org.ridemarket.console.surge;

import com.uber.h3core.util.LatLng;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ridemarket.console.config.ConsoleConfig;
import org.ridemarket.contracts.geo.Cells;

/** The H3 cells (the pricing resolution) covering the city's box, and their hexagons. */
public final class CityGrid {

  private final List<String> cells;

  public CityGrid(ConsoleConfig.City box) {
    List<LatLng> outline = List.of(new LatLng(box.minLat(), box.minLon()), new LatLng(box.minLat(), box.maxLon()),
        new LatLng(box.maxLat(), box.maxLon()), new LatLng(box.maxLat(), box.minLon()));
    Set<String> covering = new LinkedHashSet<>(Cells.h3().polygonToCellAddresses(outline, List.of(), Cells.RESOLUTION));
    // The cells whose centres lie just outside the box still cover part of it: one ring more covers it all.
    for (String cell : List.copyOf(covering)) {
      covering.addAll(Cells.ring(cell));
    }
    this.cells = List.copyOf(covering);
  }

  /** The cells covering the box: those whose centres lie in it and their neighbours. */
  public List<String> cells() {
    return cells;
  }

  /** The hexagon of {@code cell} as [lat, lon] pairs, rounded to about a metre. */
  public List<double[]> boundary(String cell) {
    List<double[]> points = new ArrayList<>();
    for (LatLng corner : Cells.h3().cellToBoundary(cell)) {
      points.add(new double[] {round(corner.lat), round(corner.lng)});
    }
    return points;
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1e5) / 1e5;
  }
}
