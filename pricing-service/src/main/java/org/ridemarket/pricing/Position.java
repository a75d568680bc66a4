package org.ridemarket.pricing;

import jakarta.persistence.Embeddable;

/**
 * A WGS84 position in decimal degrees, as the rider's app sends it.
 *
 * @param lat latitude, -90..90
 * @param lon longitude, -180..180
 */
@Embeddable
public record Position(double lat, double lon) {

  private static final double EARTH_RADIUS_METERS = 6_371_008.8;

  /** Great-circle (haversine) distance to another position, in metres. */
  public double metersTo(Position other) {
    double dLat = Math.toRadians(other.lat - lat);
    double dLon = Math.toRadians(other.lon - lon);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1.0, Math.sqrt(a)));
  }
}
