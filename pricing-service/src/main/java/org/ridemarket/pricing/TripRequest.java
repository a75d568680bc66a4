package org.ridemarket.pricing;

import org.ridemarket.contracts.events.Product;

/**
 * What a rider asks a price for, already validated.
 *
 * @param riderId the rider
 * @param product the ride product, never {@link Product#UNKNOWN}
 * @param pickup where the ride starts
 * @param dropoff where it ends
 */
public record TripRequest(String riderId, Product product, Position pickup, Position dropoff) {
}
