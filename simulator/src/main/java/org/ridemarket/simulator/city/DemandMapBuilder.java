package org.ridemarket.simulator.city;

import java.util.ArrayList;
import java.util.List;

/**
 * Assembles a {@link DemandMap} from demand points, each with a weight per local hour, and a
 * city-wide request rate per hour: a cell's rate in an hour is the city rate times the cell's
 * share of that hour's weight. Points outside the city box are ignored.
 */
public final class DemandMapBuilder {

  private final CityCells cells;
  private final List<double[]> points = new ArrayList<>();
  private final List<double[]> weights = new ArrayList<>();

  /** A builder for the cells of a city. */
  public DemandMapBuilder(CityCells cells) {
    this.cells = cells;
  }

  /** Adds a demand point; {@code jitterDeg} spreads sampled pickups around it (degrees of latitude). */
  public DemandMapBuilder addPoint(double lat, double lon, double jitterDeg, double[] hourlyWeight) {
    if (hourlyWeight.length != DemandMap.HOURS) {
      throw new IllegalArgumentException("a demand point needs 24 hourly weights");
    }
    if (cells.box().contains(lat, lon)) {
      points.add(new double[] {lat, lon, jitterDeg});
      weights.add(hourlyWeight.clone());
    }
    return this;
  }

  /** Adds every raster point of the city with the same hourly weights: demand that can occur anywhere. */
  public DemandMapBuilder addBackground(double[] hourlyWeightPerPoint) {
    for (int p = 0; p < cells.pointCount(); p++) {
      addPoint(cells.pointLat(p), cells.pointLon(p), cells.halfRasterLat(), hourlyWeightPerPoint);
    }
    return this;
  }

  /** The map, with {@code cityRatePerHour[h]} requests per hour over the whole city in local hour h. */
  public DemandMap build(String source, double[] cityRatePerHour) {
    int n = points.size();
    double[] lat = new double[n];
    double[] lon = new double[n];
    double[] jitter = new double[n];
    int[] cellOfPoint = new int[n];
    int[] perCell = new int[cells.count()];
    for (int p = 0; p < n; p++) {
      lat[p] = points.get(p)[0];
      lon[p] = points.get(p)[1];
      jitter[p] = points.get(p)[2];
      cellOfPoint[p] = cells.cellAt(lat[p], lon[p]);
      perCell[cellOfPoint[p]]++;
    }
    int[][] cellPoints = new int[cells.count()][];
    for (int c = 0; c < cells.count(); c++) {
      cellPoints[c] = new int[perCell[c]];
      perCell[c] = 0;
    }
    for (int p = 0; p < n; p++) {
      cellPoints[cellOfPoint[p]][perCell[cellOfPoint[p]]++] = p;
    }
    double[][][] cumulative = new double[DemandMap.HOURS][cells.count()][];
    double[][] rate = new double[DemandMap.HOURS][cells.count()];
    for (int h = 0; h < DemandMap.HOURS; h++) {
      double hourTotal = 0;
      for (int c = 0; c < cells.count(); c++) {
        double[] cum = new double[cellPoints[c].length];
        double sum = 0;
        for (int k = 0; k < cum.length; k++) {
          sum += weights.get(cellPoints[c][k])[h];
          cum[k] = sum;
        }
        cumulative[h][c] = cum;
        rate[h][c] = sum;
        hourTotal += sum;
      }
      for (int c = 0; c < cells.count(); c++) {
        rate[h][c] = hourTotal > 0 ? cityRatePerHour[h] * rate[h][c] / hourTotal : 0;
      }
    }
    return new DemandMap(source, cells, lat, lon, jitter, cellPoints, cumulative, rate);
  }
}
