package org.ridemarket.console.surge;

import java.util.List;

/**
 * What the map knows about one H3 cell, as the page draws it.
 *
 * @param cell the H3 resolution-8 cell
 * @param boundary its hexagon, as [lat, lon] pairs
 * @param multiplier the surge multiplier of the cell's latest quote, null before any
 * @param degraded whether that quote was a degraded (fallback) answer
 * @param quotedAt event time of that quote (epoch millis), null before any
 * @param demand5m ride requests in the cell over the last 5 minutes, null before any feature vector
 * @param supply available drivers in the cell now, null before any feature vector
 * @param featuresAt event time of the cell's latest feature vector (epoch millis), null before any
 * @param seq the board's change counter when this view was made: a client keeps the highest per cell
 */
public record CellView(String cell, List<double[]> boundary, Double multiplier, boolean degraded, Long quotedAt,
    Double demand5m, Double supply, Long featuresAt, long seq) {
}
