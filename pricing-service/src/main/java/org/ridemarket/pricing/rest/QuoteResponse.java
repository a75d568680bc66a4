package org.ridemarket.pricing.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ridemarket.service.rest.Coordinates;

/**
 * A quote as the API shows it.
 *
 * @param quoteId the quote's id, for GET /quotes/{id} and the ride request
 * @param riderId who it was given to
 * @param product the ride product
 * @param pickup where the ride starts
 * @param dropoff where it ends
 * @param pickupCell H3 resolution-8 cell of the pickup, the surge cell
 * @param surgeMultiplier the multiplier applied, 1.0 for no surge
 * @param surgeSource MODEL, CALM_CELL, LAST_KNOWN or DEFAULT
 * @param modelVersion the surge model in service, null when none is
 * @param degraded true when the multiplier came from a fallback (Redis or model unavailable)
 * @param fare the fare, line by line
 * @param distanceMeters estimated road distance
 * @param durationSeconds estimated driving time
 * @param createdAt when the quote was given
 * @param expiresAt until when the price is honoured
 * @param expired true once expiresAt has passed
 */
@Schema(description = "An upfront price, honoured until expiresAt")
public record QuoteResponse(
    UUID quoteId,
    String riderId,
    String product,
    Coordinates pickup,
    Coordinates dropoff,
    String pickupCell,
    double surgeMultiplier,
    String surgeSource,
    String modelVersion,
    boolean degraded,
    FareBreakdown fare,
    long distanceMeters,
    long durationSeconds,
    Instant createdAt,
    Instant expiresAt,
    boolean expired) {
}
