package org.ridemarket.simulator.city;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Where and how often riders ask for rides: a request rate per city cell for each hour of the
 * local day (at demand scale 1), and weighted pickup points per cell and hour to draw from. Rates
 * are interpolated between hour centres so hotspots move smoothly through the day.
 */
public final class DemandMap {

  static final int HOURS = 24;

  private final String source;
  private final CityCells cells;
  private final double[] lat;
  private final double[] lon;
  private final double[] jitter;
  private final int[][] cellPoints;
  private final double[][][] cumulative;
  private final double[][] rate;

  DemandMap(String source, CityCells cells, double[] lat, double[] lon, double[] jitter,
      int[][] cellPoints, double[][][] cumulative, double[][] rate) {
    this.source = source;
    this.cells = cells;
    this.lat = lat;
    this.lon = lon;
    this.jitter = jitter;
    this.cellPoints = cellPoints;
    this.cumulative = cumulative;
    this.rate = rate;
  }

  /** What the map was built from, for the start-up banner. */
  public String source() {
    return source;
  }

  /** The cells the rates refer to. */
  public CityCells cells() {
    return cells;
  }

  /** Requests per hour in cell {@code cell} at local time {@code hourOfDay}, at demand scale 1. */
  public double rate(int cell, double hourOfDay) {
    double centred = hourOfDay - 0.5;
    int h0 = Math.floorMod((int) Math.floor(centred), HOURS);
    double f = centred - Math.floor(centred);
    return (1 - f) * rate[h0][cell] + f * rate[(h0 + 1) % HOURS][cell];
  }

  /** Requests per hour over the whole city at {@code hourOfDay}, at demand scale 1. */
  public double totalRate(double hourOfDay) {
    double total = 0;
    for (int c = 0; c < cells.count(); c++) {
      total += rate(c, hourOfDay);
    }
    return total;
  }

  /** The hourly rates of one hour (0..23) by cell index; a copy. */
  public double[] ratesAtHour(int hour) {
    return Arrays.copyOf(rate[hour], rate[hour].length);
  }

  /** A cell drawn in proportion to its demand at {@code hourOfDay}. */
  public int sampleCell(double hourOfDay, RandomGenerator rng) {
    double target = rng.nextDouble() * totalRate(hourOfDay);
    double sum = 0;
    for (int c = 0; c < cells.count(); c++) {
      sum += rate(c, hourOfDay);
      if (target < sum) {
        return c;
      }
    }
    return cells.count() - 1;
  }

  /** A pickup position in {@code cell}, drawn from the cell's demand points at {@code hourOfDay}. */
  public Point samplePickup(int cell, double hourOfDay, RandomGenerator rng) {
    double centred = hourOfDay - 0.5;
    int h0 = Math.floorMod((int) Math.floor(centred), HOURS);
    double f = centred - Math.floor(centred);
    int hour = rng.nextDouble() < f ? (h0 + 1) % HOURS : h0;
    double[] cum = cumulative[hour][cell];
    int[] points = cellPoints[cell];
    int k = cum[cum.length - 1] > 0
        ? upperBound(cum, rng.nextDouble() * cum[cum.length - 1])
        : rng.nextInt(points.length);
    int p = points[k];
    double spread = jitter[p];
    return new Point(
        clamp(lat[p] + (rng.nextDouble() * 2 - 1) * spread, cells.box().minLat(), cells.box().maxLat()),
        clamp(lon[p] + (rng.nextDouble() * 2 - 1) * spread * 1.32, cells.box().minLon(), cells.box().maxLon()));
  }

  private static int upperBound(double[] cumulative, double target) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
