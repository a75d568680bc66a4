package org.ridemarket.simulator.city;

/**
 * Local metric frame aligned with Manhattan's street grid, which runs about 29 degrees clockwise
 * from true north: {@code v} metres along the avenues (uptown positive), {@code u} metres along
 * the streets. Over a few kilometres an equirectangular projection is accurate to centimetres.
 */
public final class StreetGrid {

  /** Bearing of Manhattan's avenues, degrees clockwise from true north. */
  public static final double MANHATTAN_ROTATION_DEG = 29.0;
  /** Compass heading when moving along +u (crosstown, east side). */
  public static final double HEADING_PLUS_U = MANHATTAN_ROTATION_DEG + 90;
  /** Compass heading when moving along -u. */
  public static final double HEADING_MINUS_U = MANHATTAN_ROTATION_DEG + 270;
  /** Compass heading when moving along +v (uptown). */
  public static final double HEADING_PLUS_V = MANHATTAN_ROTATION_DEG;
  /** Compass heading when moving along -v (downtown). */
  public static final double HEADING_MINUS_V = MANHATTAN_ROTATION_DEG + 180;

  private static final double METERS_PER_DEG_LAT = 111_132.0;
  private static final double METERS_PER_DEG_LON_AT_EQUATOR = 111_320.0;

  private final double originLat;
  private final double originLon;
  private final double metersPerDegLon;
  private final double sin;
  private final double cos;

  /** A frame with its origin at the centre of {@code box}, rotated by {@code rotationDeg}. */
  public StreetGrid(CityBox box, double rotationDeg) {
    this.originLat = box.centerLat();
    this.originLon = box.centerLon();
    this.metersPerDegLon = METERS_PER_DEG_LON_AT_EQUATOR * Math.cos(Math.toRadians(originLat));
    this.sin = Math.sin(Math.toRadians(rotationDeg));
    this.cos = Math.cos(Math.toRadians(rotationDeg));
  }

  /** Metres along the streets from the origin. */
  public double u(double lat, double lon) {
    return east(lon) * cos - north(lat) * sin;
  }

  /** Metres along the avenues from the origin. */
  public double v(double lat, double lon) {
    return east(lon) * sin + north(lat) * cos;
  }

  /** Latitude of the grid position (u, v). */
  public double lat(double u, double v) {
    return originLat + (-u * sin + v * cos) / METERS_PER_DEG_LAT;
  }

  /** Longitude of the grid position (u, v). */
  public double lon(double u, double v) {
    return originLon + (u * cos + v * sin) / metersPerDegLon;
  }

  /** Straight-line distance in metres. */
  public double straightMeters(double lat1, double lon1, double lat2, double lon2) {
    double dx = (lon2 - lon1) * metersPerDegLon;
    double dy = (lat2 - lat1) * METERS_PER_DEG_LAT;
    return Math.sqrt(dx * dx + dy * dy);
  }

  /** Driving distance along the grid in metres (an L-shaped path). */
  public double gridMeters(double lat1, double lon1, double lat2, double lon2) {
    return Math.abs(u(lat2, lon2) - u(lat1, lon1)) + Math.abs(v(lat2, lon2) - v(lat1, lon1));
  }

  private double east(double lon) {
    return (lon - originLon) * metersPerDegLon;
  }

  private double north(double lat) {
    return (lat - originLat) * METERS_PER_DEG_LAT;
  }
}
