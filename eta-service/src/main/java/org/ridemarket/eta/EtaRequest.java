package org.ridemarket.eta;

import java.time.Instant;
import java.util.Optional;
import org.ridemarket.routing.GeoPoint;

/**
 * A validated request for an ETA.
 *
 * @param origin where the trip starts
 * @param destination where it ends
 * @param departure when it starts
 * @param tripId the trip the ETA is for, so that its actual duration can be joined later; null when unknown
 */
public record EtaRequest(GeoPoint origin, GeoPoint destination, Instant departure, String tripId) {

  /** The trip id, when the caller gave one. */
  public Optional<String> trip() {
    return Optional.ofNullable(tripId);
  }
}
