package org.ridemarket.simulator.city;

import java.util.List;

/**
 * Built-in demand for Midtown, used when no Uber pickup file is available: well-known places as
 * Gaussian hotspots whose strength follows their kind's daily profile, over a thin background.
 */
public final class HotspotDemand {

  /** The built-in hotspots. */
  public static final List<Hotspot> MIDTOWN = List.of(
      new Hotspot("Times Square", 40.7580, -73.9855, 260, 1.6, HourlyProfiles.NIGHTLIFE),
      new Hotspot("Times Square (day)", 40.7575, -73.9860, 320, 1.0, HourlyProfiles.TOURIST),
      new Hotspot("Grand Central", 40.7527, -73.9772, 220, 1.5, HourlyProfiles.COMMUTER_HUB),
      new Hotspot("Penn Station", 40.7506, -73.9935, 220, 1.5, HourlyProfiles.COMMUTER_HUB),
      new Hotspot("Port Authority", 40.7570, -73.9903, 180, 1.0, HourlyProfiles.COMMUTER_HUB),
      new Hotspot("Rockefeller Center", 40.7587, -73.9787, 250, 1.2, HourlyProfiles.OFFICE),
      new Hotspot("Bryant Park", 40.7536, -73.9832, 250, 1.0, HourlyProfiles.OFFICE),
      new Hotspot("Hudson Yards", 40.7538, -74.0020, 280, 0.9, HourlyProfiles.OFFICE),
      new Hotspot("Flatiron", 40.7410, -73.9897, 260, 0.9, HourlyProfiles.OFFICE),
      new Hotspot("Herald Square", 40.7497, -73.9877, 200, 0.8, HourlyProfiles.TOURIST),
      new Hotspot("Empire State Building", 40.7484, -73.9857, 150, 0.5, HourlyProfiles.TOURIST),
      new Hotspot("Koreatown", 40.7478, -73.9869, 140, 0.7, HourlyProfiles.NIGHTLIFE),
      new Hotspot("Chelsea", 40.7424, -74.0010, 350, 1.0, HourlyProfiles.NIGHTLIFE),
      new Hotspot("Hell's Kitchen", 40.7620, -73.9920, 350, 0.8, HourlyProfiles.NIGHTLIFE),
      new Hotspot("Murray Hill", 40.7479, -73.9757, 400, 0.9, HourlyProfiles.RESIDENTIAL),
      new Hotspot("Kips Bay", 40.7420, -73.9780, 350, 0.6, HourlyProfiles.RESIDENTIAL),
      new Hotspot("United Nations", 40.7489, -73.9680, 200, 0.5, HourlyProfiles.OFFICE),
      new Hotspot("Javits Center", 40.7577, -74.0022, 220, 0.5, HourlyProfiles.TOURIST));

  /** Share of each hour's demand spread evenly over the city rather than around hotspots. */
  static final double BACKGROUND_SHARE = 0.12;

  private HotspotDemand() {
  }

  /** The built-in map: {@code peakRatePerHour} requests per hour over the city at the busiest hour. */
  public static DemandMap build(CityCells cells, double peakRatePerHour) {
    StreetGrid metric = new StreetGrid(cells.box(), 0);
    int n = cells.pointCount();
    double[][] weights = new double[n][DemandMap.HOURS];
    double[] hotspotTotal = new double[DemandMap.HOURS];
    for (int p = 0; p < n; p++) {
      for (Hotspot spot : MIDTOWN) {
        double d = metric.straightMeters(cells.pointLat(p), cells.pointLon(p), spot.lat(), spot.lon());
        double density = spot.strength() * Math.exp(-d * d / (2 * spot.sigmaMeters() * spot.sigmaMeters()));
        for (int h = 0; h < DemandMap.HOURS; h++) {
          weights[p][h] += density * spot.profile()[h];
        }
      }
      for (int h = 0; h < DemandMap.HOURS; h++) {
        hotspotTotal[h] += weights[p][h];
      }
    }
    DemandMapBuilder builder = new DemandMapBuilder(cells);
    for (int p = 0; p < n; p++) {
      for (int h = 0; h < DemandMap.HOURS; h++) {
        // Background weight per point such that it is BACKGROUND_SHARE of the hour's total.
        weights[p][h] += hotspotTotal[h] * BACKGROUND_SHARE / (1 - BACKGROUND_SHARE) / n;
      }
      builder.addPoint(cells.pointLat(p), cells.pointLon(p), cells.halfRasterLat(), weights[p]);
    }
    return builder.build("built-in Midtown hotspots", HourlyProfiles.scaled(HourlyProfiles.CITY, peakRatePerHour));
  }
}
