package org.ridemarket.simulator.fraud;

import java.util.List;
import java.util.random.RandomGenerator;

/** Where fraudsters pay from: spots around the metro area, and distant cities for impossible travel. */
final class Places {

  private static final double KM_PER_DEG_LAT = 111.132;
  private static final double MIN_IMPOSSIBLE_KM = 50;
  private static final double IMPOSSIBLE_KMH = 300;
  private static final int LONDON = 10;
  /** Cities 130 km to 5,600 km from Midtown. */
  private static final List<double[]> FAR_CITIES = List.of(
      new double[] {39.9526, -75.1652}, new double[] {42.3601, -71.0589}, new double[] {38.9072, -77.0369},
      new double[] {39.2904, -76.6122}, new double[] {42.6526, -73.7562}, new double[] {41.8240, -71.4128},
      new double[] {45.5019, -73.5674}, new double[] {43.6532, -79.3832}, new double[] {41.8781, -87.6298},
      new double[] {25.7617, -80.1918}, new double[] {51.5072, -0.1276}, new double[] {39.3643, -74.4229});

  private Places() {
  }

  /** A point {@code minKm} to {@code maxKm} from (lat, lon) in a random direction. */
  static double[] around(double lat, double lon, double minKm, double maxKm, RandomGenerator rng) {
    double km = minKm + rng.nextDouble() * (maxKm - minKm);
    double bearing = rng.nextDouble() * 2 * Math.PI;
    double dLat = km * Math.cos(bearing) / KM_PER_DEG_LAT;
    double dLon = km * Math.sin(bearing) / (KM_PER_DEG_LAT * Math.cos(Math.toRadians(lat)));
    return new double[] {lat + dLat, lon + dLon};
  }

  /**
   * A spot in a distant city that nobody could reach from (lat, lon) within {@code millis}: at least
   * 50 km away and faster than an airliner's average door to door, 300 km/h.
   */
  static double[] farCity(double lat, double lon, long millis, RandomGenerator rng) {
    double minKm = Math.max(MIN_IMPOSSIBLE_KM, IMPOSSIBLE_KMH * millis / 3_600_000.0);
    List<double[]> reachable = FAR_CITIES.stream().filter(c -> km(lat, lon, c[0], c[1]) > minKm + 10).toList();
    double[] city = reachable.isEmpty() ? FAR_CITIES.get(LONDON) : reachable.get(rng.nextInt(reachable.size()));
    return around(city[0], city[1], 0, 8, rng);
  }

  /** Approximate distance in km between two points (equirectangular; fine for ranking cities). */
  static double km(double lat1, double lon1, double lat2, double lon2) {
    double dLat = (lat2 - lat1) * KM_PER_DEG_LAT;
    double dLon = (lon2 - lon1) * KM_PER_DEG_LAT * Math.cos(Math.toRadians((lat1 + lat2) / 2));
    return Math.hypot(dLat, dLon);
  }

  /** An amount between {@code min} and {@code max} cents, log-uniform. */
  static long amount(long min, long max, RandomGenerator rng) {
    return Math.round(min * Math.pow((double) max / min, rng.nextDouble()));
  }
}
