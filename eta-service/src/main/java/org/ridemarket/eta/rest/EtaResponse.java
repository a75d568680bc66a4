package org.ridemarket.eta.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An ETA as the API shows it.
 *
 * @param predictionId the answer's id (also the id of its EtaPredicted event)
 * @param tripId the trip it is for, when the caller said
 * @param etaSeconds the expected trip duration
 * @param p10Seconds 10th percentile of the duration
 * @param p90Seconds 90th percentile of the duration
 * @param distanceMeters length of the route
 * @param baselineSeconds the routing baseline the models corrected
 * @param modelVersion the point model that made the numbers ({@code eta:1}); null when none did
 * @param degraded true when the answer is the routing baseline with a wide range (Redis or a model unavailable)
 * @param router graphhopper or map-free
 * @param originCell H3 resolution-8 cell of the origin
 * @param departureTime the departure the ETA is for
 * @param createdAt when the answer was made
 */
@Schema(description = "An ETA in seconds with its p10-p90 range; p10Seconds <= etaSeconds <= p90Seconds")
public record EtaResponse(
    UUID predictionId,
    String tripId,
    long etaSeconds,
    long p10Seconds,
    long p90Seconds,
    long distanceMeters,
    long baselineSeconds,
    String modelVersion,
    boolean degraded,
    @Schema(enumeration = {"graphhopper", "map-free"}) String router,
    String originCell,
    Instant departureTime,
    Instant createdAt) {
}
