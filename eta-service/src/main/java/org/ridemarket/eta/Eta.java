package org.ridemarket.eta;

import java.time.Instant;
import java.util.UUID;

/**
 * An ETA as given to a caller, and as published and joined with the trip's actual duration later.
 *
 * @param predictionId the answer's id, also its event's id
 * @param request what was asked
 * @param originCell H3 resolution-8 cell of the origin, the event's key
 * @param range the ETA and its p10-p90 range, in seconds
 * @param distanceMeters length of the baseline route
 * @param baselineSeconds the routing baseline the models corrected
 * @param router which router made the baseline
 * @param modelVersion {@code name:version} of the point model that made the numbers; null when none did
 * @param degraded true when the answer is the baseline with its wide range (Redis or a model unavailable)
 * @param createdAt when the answer was made
 */
public record Eta(UUID predictionId, EtaRequest request, String originCell, EtaRange range, double distanceMeters,
    double baselineSeconds, RouterKind router, String modelVersion, boolean degraded, Instant createdAt) {
}
