package org.ridemarket.simulator.city;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * The H3 resolution-8 cells that cover the city box, in address order, and a fine raster of
 * points over the box (about 50 m apart) that maps any position to its cell without a native
 * call; the raster points also serve as the background points where demand can occur.
 */
public final class CityCells {

  private static final double RASTER_METERS = 50.0;

  private final CityBox box;
  private final List<String> addresses;
  private final int rows;
  private final int cols;
  private final int[] rasterCell;

  /** Covers {@code box}, computing each raster point's cell with {@code cells}. */
  public CityCells(CityBox box, CellAddresses cells) {
    this.box = box;
    StreetGrid metric = new StreetGrid(box, 0);
    double height = metric.straightMeters(box.minLat(), box.minLon(), box.maxLat(), box.minLon());
    double width = metric.straightMeters(box.minLat(), box.minLon(), box.minLat(), box.maxLon());
    this.rows = Math.max(1, (int) Math.round(height / RASTER_METERS));
    this.cols = Math.max(1, (int) Math.round(width / RASTER_METERS));
    String[] pointAddresses = new String[rows * cols];
    TreeSet<String> distinct = new TreeSet<>();
    for (int p = 0; p < pointAddresses.length; p++) {
      pointAddresses[p] = cells.cellOf(pointLat(p), pointLon(p));
      distinct.add(pointAddresses[p]);
    }
    this.addresses = List.copyOf(new ArrayList<>(distinct));
    this.rasterCell = new int[pointAddresses.length];
    for (int p = 0; p < pointAddresses.length; p++) {
      rasterCell[p] = indexOf(pointAddresses[p]);
    }
  }

  /** The box these cells cover. */
  public CityBox box() {
    return box;
  }

  /** Number of cells. */
  public int count() {
    return addresses.size();
  }

  /** Hex address of cell {@code index}. */
  public String address(int index) {
    return addresses.get(index);
  }

  /** Index of the cell with this address, or -1 when it is not a city cell. */
  public int indexOf(String address) {
    int found = Collections.binarySearch(addresses, address);
    return found >= 0 ? found : -1;
  }

  /** Index of the cell at (or, outside the box, nearest to) the position, from the raster. */
  public int cellAt(double lat, double lon) {
    int row = clamp((int) ((lat - box.minLat()) / (box.maxLat() - box.minLat()) * rows), rows);
    int col = clamp((int) ((lon - box.minLon()) / (box.maxLon() - box.minLon()) * cols), cols);
    return rasterCell[row * cols + col];
  }

  /** Number of raster points. */
  public int pointCount() {
    return rasterCell.length;
  }

  /** Latitude of raster point {@code p} (the centre of its raster square). */
  public double pointLat(int p) {
    return box.minLat() + (p / cols + 0.5) * (box.maxLat() - box.minLat()) / rows;
  }

  /** Longitude of raster point {@code p}. */
  public double pointLon(int p) {
    return box.minLon() + (p % cols + 0.5) * (box.maxLon() - box.minLon()) / cols;
  }

  /** Cell index of raster point {@code p}. */
  public int pointCell(int p) {
    return rasterCell[p];
  }

  /** Half the raster spacing in degrees of latitude, for jittering a sampled raster point. */
  public double halfRasterLat() {
    return (box.maxLat() - box.minLat()) / rows / 2;
  }

  /** Half the raster spacing in degrees of longitude. */
  public double halfRasterLon() {
    return (box.maxLon() - box.minLon()) / cols / 2;
  }

  private static int clamp(int value, int size) {
    return Math.max(0, Math.min(size - 1, value));
  }
}
