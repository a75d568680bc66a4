package org.ridemarket.routing;

/** Distances and intermediate points on the sphere, enough for city-scale routing. */
public final class GreatCircle {

  /** Mean Earth radius (IUGG), in metres. */
  public static final double EARTH_RADIUS_METRES = 6_371_008.8;

  private GreatCircle() {
  }

  /** The great-circle (haversine) distance between two points, in metres. */
  public static double metres(GeoPoint a, GeoPoint b) {
    return metres(a.lat(), a.lon(), b.lat(), b.lon());
  }

  /** The great-circle (haversine) distance between two points given in degrees, in metres. */
  public static double metres(double lat1, double lon1, double lat2, double lon2) {
    return EARTH_RADIUS_METRES * centralAngle(lat1, lon1, lat2, lon2);
  }

  /**
   * The point at {@code fraction} (0 at {@code a}, 1 at {@code b}) of the great-circle arc from
   * {@code a} to {@code b}.
   */
  public static GeoPoint interpolate(GeoPoint a, GeoPoint b, double fraction) {
    double angle = centralAngle(a.lat(), a.lon(), b.lat(), b.lon());
    if (fraction == 0 || angle < 1e-12) {
      return a;
    }
    if (fraction == 1) {
      return b;
    }
    double lat1 = Math.toRadians(a.lat());
    double lon1 = Math.toRadians(a.lon());
    double lat2 = Math.toRadians(b.lat());
    double lon2 = Math.toRadians(b.lon());
    double sinAngle = Math.sin(angle);
    double wa = Math.sin((1 - fraction) * angle) / sinAngle;
    double wb = Math.sin(fraction * angle) / sinAngle;
    double x = wa * Math.cos(lat1) * Math.cos(lon1) + wb * Math.cos(lat2) * Math.cos(lon2);
    double y = wa * Math.cos(lat1) * Math.sin(lon1) + wb * Math.cos(lat2) * Math.sin(lon2);
    double z = wa * Math.sin(lat1) + wb * Math.sin(lat2);
    return new GeoPoint(Math.toDegrees(Math.atan2(z, Math.hypot(x, y))), Math.toDegrees(Math.atan2(y, x)));
  }

  private static double centralAngle(double lat1, double lon1, double lat2, double lon2) {
    double phi1 = Math.toRadians(lat1);
    double phi2 = Math.toRadians(lat2);
    double sinDLat = Math.sin((phi2 - phi1) / 2);
    double sinDLon = Math.sin(Math.toRadians(lon2 - lon1) / 2);
    double h = sinDLat * sinDLat + Math.cos(phi1) * Math.cos(phi2) * sinDLon * sinDLon;
    return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
