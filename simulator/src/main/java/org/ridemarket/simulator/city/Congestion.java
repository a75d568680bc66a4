package org.ridemarket.simulator.city;

import java.util.random.RandomGenerator;

/**
 * Traffic speed per cell over the day: a free-flow speed scaled down in rush hours, more in
 * cells that are busy at that hour, and by a fixed per-cell factor (narrow streets, tunnels).
 */
public final class Congestion {

  /** Free-flow driving speed in Midtown, metres per second (about 34 km/h). */
  public static final double FREE_FLOW_MPS = 9.5;
  /** Share of free-flow speed by local hour: rush hours are slowest. */
  static final double[] HOURLY_FACTOR = {
      0.92, 0.95, 0.96, 0.96, 0.94, 0.85, 0.62, 0.45, 0.40, 0.46, 0.55, 0.56,
      0.54, 0.55, 0.52, 0.48, 0.42, 0.40, 0.42, 0.50, 0.60, 0.68, 0.75, 0.85};
  private static final double BUSY_CELL_SLOWDOWN = 0.3;
  private static final double MIN_FACTOR = 0.15;

  private final double[][] factor;

  /** Congestion for the cells of {@code demand}, per-cell factors drawn from {@code rng}. */
  public Congestion(DemandMap demand, RandomGenerator rng) {
    int cells = demand.cells().count();
    double[] cellFactor = new double[cells];
    for (int c = 0; c < cells; c++) {
      cellFactor[c] = 0.85 + 0.25 * rng.nextDouble();
    }
    this.factor = new double[DemandMap.HOURS][cells];
    for (int h = 0; h < DemandMap.HOURS; h++) {
      double[] rates = demand.ratesAtHour(h);
      double max = 0;
      for (double rate : rates) {
        max = Math.max(max, rate);
      }
      for (int c = 0; c < cells; c++) {
        double busy = max > 0 ? rates[c] / max : 0;
        double value = HOURLY_FACTOR[h] * (1 - BUSY_CELL_SLOWDOWN * busy) * cellFactor[c];
        factor[h][c] = Math.max(MIN_FACTOR, Math.min(1.0, value));
      }
    }
  }

  /** Share of free-flow speed (0..1] in cell {@code cell} at local time {@code hourOfDay}. */
  public double factor(int cell, double hourOfDay) {
    double centred = hourOfDay - 0.5;
    double floor = Math.floor(centred);
    int h0 = Math.floorMod((int) floor, DemandMap.HOURS);
    double f = centred - floor;
    return (1 - f) * factor[h0][cell] + f * factor[(h0 + 1) % DemandMap.HOURS][cell];
  }

  /** Typical driving speed in metres per second in the cell at that time. */
  public double speedMps(int cell, double hourOfDay) {
    return FREE_FLOW_MPS * factor(cell, hourOfDay);
  }
}
