package org.ridemarket.models.fraud;

import org.ridemarket.contracts.events.FraudPattern;

/**
 * One payment's training row.
 *
 * @param time the payment's event time, epoch millis
 * @param transactionId the payment's transaction id
 * @param features its scoring row in {@link org.ridemarket.contracts.features.VelocityFeatures#NAMES} order
 * @param fraud whether a label said FRAUD
 * @param pattern the label's pattern; NONE for a legitimate payment
 * @param card the payment's card fingerprint (card precision groups by it)
 */
public record FraudRow(long time, String transactionId, float[] features, boolean fraud, FraudPattern pattern,
    String card) {
}
