package org.ridemarket.pricing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The estimated trip a fare is computed from.
 *
 * @param distanceMeters estimated road distance
 * @param durationSeconds estimated driving time
 */
@Embeddable
public record Trip(
    @Column(name = "distance_meters") long distanceMeters,
    @Column(name = "duration_seconds") long durationSeconds) {
}
