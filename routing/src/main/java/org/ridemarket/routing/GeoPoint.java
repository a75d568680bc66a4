package org.ridemarket.routing;

/**
 * A WGS84 position in degrees, as routes take and return it.
 *
 * @param lat latitude, -90 to 90
 * @param lon longitude, -180 to 180
 */
public record GeoPoint(double lat, double lon) {

  /** Rejects coordinates that are not on the globe (NaN included). */
  public GeoPoint {
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("lat must be within [-90, 90], was " + lat);
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("lon must be within [-180, 180], was " + lon);
    }
  }

  /** Shorthand for {@code new GeoPoint(lat, lon)}. */
  public static GeoPoint of(double lat, double lon) {
    return new GeoPoint(lat, lon);
  }

  @Override
  public String toString() {
    return lat + "," + lon;
  }
}
