package org.ridemarket.pricing.rest;

import java.time.Instant;
import java.util.List;

/**
 * The current multiplier of every cell in a bounding box.
 *
 * @param cells one entry per H3 cell in the box
 * @param degraded true when the multipliers came from a fallback (Redis or model unavailable)
 * @param modelVersion the surge model in service, null when none is
 * @param asOf when the map was computed
 */
public record SurgeMapResponse(List<CellSurge> cells, boolean degraded, String modelVersion, Instant asOf) {
}
