package org.ridemarket.simulator.city;

/** The simulated area, a latitude/longitude box; riders are picked up and dropped off inside it. */
public record CityBox(double minLat, double maxLat, double minLon, double maxLon) {

  /** Midtown Manhattan, the same box as the project's OpenStreetMap extract. */
  public static final CityBox MIDTOWN = new CityBox(40.7360, 40.7590, -74.0126, -73.9630);

  public CityBox {
    if (!(minLat < maxLat && minLon < maxLon)) {
      throw new IllegalArgumentException("empty city box");
    }
  }

  /** True when the point lies inside the box (edges included). */
  public boolean contains(double lat, double lon) {
    return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
  }

  /** Latitude of the centre. */
  public double centerLat() {
    return (minLat + maxLat) / 2;
  }

  /** Longitude of the centre. */
  public double centerLon() {
    return (minLon + maxLon) / 2;
  }
}
