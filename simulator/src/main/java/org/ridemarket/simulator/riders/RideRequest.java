package org.ridemarket.simulator.riders;

import org.ridemarket.contracts.events.Product;
import org.ridemarket.simulator.city.Point;

/** A ride a rider asked for, at the multiplier quoted, with how long the rider will wait for a driver. */
public record RideRequest(String requestId, String tripId, int riderIndex, Rider rider, Point pickup, Point dropoff,
    String pickupCell, Product product, long requestedAt, long patienceMillis, double multiplier) {
}
