package org.ridemarket.simulator.city;

import java.nio.file.Path;
import java.util.List;

/**
 * Demand calibrated on real Uber pickups: each cell's share of each hour follows where the
 * recorded pickups of that hour were, the city's daily shape follows their hourly counts, and
 * requests start near real pickup points (a little jitter keeps them from repeating exactly).
 */
public final class UberDemand {

  /** Share of each hour's demand spread evenly over the city, so quiet cells still see requests. */
  static final double BACKGROUND_SHARE = 0.08;
  private static final double POINT_JITTER_DEG = 0.00012;

  private UberDemand() {
  }

  /** The calibrated map, {@code peakRatePerHour} requests per hour over the city at the busiest hour. */
  public static DemandMap build(CityCells cells, Path csv, double peakRatePerHour) {
    List<UberPickups.Pickup> pickups = UberPickups.read(csv, cells.box());
    if (pickups.size() < 1_000) {
      throw new IllegalArgumentException(csv + " has only " + pickups.size()
          + " pickups inside the city box; too few to calibrate demand");
    }
    double[] perHour = new double[DemandMap.HOURS];
    pickups.forEach(pickup -> perHour[pickup.hour()]++);
    // A pickup also counts, at half weight, for the neighbouring hours: smoother, less sparse.
    double[] smoothed = new double[DemandMap.HOURS];
    for (int h = 0; h < DemandMap.HOURS; h++) {
      smoothed[h] = perHour[h] + 0.5 * perHour[(h + 23) % 24] + 0.5 * perHour[(h + 1) % 24];
    }
    DemandMapBuilder builder = new DemandMapBuilder(cells);
    for (UberPickups.Pickup pickup : pickups) {
      double[] weights = new double[DemandMap.HOURS];
      weights[pickup.hour()] = 1.0;
      weights[(pickup.hour() + 23) % 24] = 0.5;
      weights[(pickup.hour() + 1) % 24] = 0.5;
      builder.addPoint(pickup.lat(), pickup.lon(), POINT_JITTER_DEG, weights);
    }
    double[] background = new double[DemandMap.HOURS];
    double peak = 0;
    for (int h = 0; h < DemandMap.HOURS; h++) {
      background[h] = smoothed[h] * BACKGROUND_SHARE / (1 - BACKGROUND_SHARE) / cells.pointCount();
      peak = Math.max(peak, smoothed[h]);
    }
    builder.addBackground(background);
    double[] cityRate = HourlyProfiles.scaled(smoothed, peakRatePerHour / peak);
    return builder.build("Uber pickups " + csv + " (" + pickups.size() + " in the box)", cityRate);
  }
}
