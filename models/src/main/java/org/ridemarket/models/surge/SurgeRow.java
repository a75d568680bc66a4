package org.ridemarket.models.surge;

/**
 * One point-in-time training row: a cell's feature vector as Redis held it at {@code time} (in
 * contract order), what happened there over the label horizon after it, and the label.
 */
public record SurgeRow(long time, String cell, float[] features, int requested, int served, double label) {
}
