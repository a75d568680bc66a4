package org.ridemarket.eta.repository;

import java.util.List;
import java.util.Map;
import org.ridemarket.contracts.features.CongestionSnapshot;

/**
 * The congestion vectors of a route's cells as read in one round trip.
 *
 * @param cells the vector of each cell that has a readable hash; a cell without one is unknown
 * @param malformed cells whose hash could not be parsed, each with the reason (treated as unknown)
 * @param readAtMillis when the read completed (epoch millis), for the vectors' age
 */
public record CongestionReading(Map<String, CongestionSnapshot> cells, List<String> malformed, long readAtMillis) {
}
