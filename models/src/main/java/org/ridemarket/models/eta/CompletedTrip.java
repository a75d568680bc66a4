package org.ridemarket.models.eta;

import org.ridemarket.routing.GeoPoint;

/**
 * A trip of the replayed history that ended, with the times of its steps (epoch millis) and what it
 * actually took from pick-up to drop-off: the ETA model's ground truth.
 *
 * @param tripId the trip
 * @param requestedAt when the rider asked, and so when an ETA would have been asked for
 * @param pickedUpAt when the trip started: the departure of the routed trip
 * @param completedAt when it ended
 * @param pickup where it started
 * @param dropoff where it ended
 * @param durationSeconds actual seconds from pick-up to drop-off
 */
public record CompletedTrip(String tripId, long requestedAt, long pickedUpAt, long completedAt, GeoPoint pickup,
    GeoPoint dropoff, double durationSeconds) {
}
