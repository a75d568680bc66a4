package org.ridemarket.fraud.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ridemarket.service.rest.Coordinates;

/**
 * A decision in the review queue, with what an analyst needs to judge it.
 *
 * @param transactionId the payment's transaction id
 * @param decision the decision the gateway was given
 * @param score the model's probability of fraud, null when no model ran
 * @param reasons why
 * @param features the scoring row the decision was based on (null values were missing); null without features
 * @param cardFingerprint the card
 * @param userId the account
 * @param deviceId the device
 * @param amountMinor the amount in minor units
 * @param currency its currency
 * @param location where the payer was
 * @param eventTime when the payment was attempted
 * @param decidedAt when it was decided
 * @param state OPEN, TAKEN or LABELED
 * @param assignedTo the analyst who took it
 * @param takenAt when it was taken
 * @param label FRAUD or LEGIT once labelled
 * @param pattern the fraud pattern named with the label
 * @param labeledAt when it was labelled
 */
@Schema(description = "A decision in the review queue")
public record ReviewView(
    String transactionId,
    String decision,
    Double score,
    List<ReasonView> reasons,
    Map<String, Double> features,
    String cardFingerprint,
    String userId,
    String deviceId,
    long amountMinor,
    String currency,
    Coordinates location,
    Instant eventTime,
    Instant decidedAt,
    String state,
    String assignedTo,
    Instant takenAt,
    String label,
    String pattern,
    Instant labeledAt) {
}
