package org.ridemarket.simulator.riders;

import org.ridemarket.contracts.events.Product;
import org.ridemarket.simulator.city.Point;

/** What a rider app asks the price oracle about before it shows a price. */
public record QuoteRequest(String riderId, Point pickup, Point dropoff, String pickupCell, Product product,
    long eventTimeMillis) {
}
