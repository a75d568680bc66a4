package org.ridemarket.fraud.rest;

/**
 * One reason of a decision.
 *
 * @param code stable code: a rule (CARD_TESTING_BURST, ...), MODEL_SCORE, FEATURE_&lt;NAME&gt;,
 *     FEATURES_UNAVAILABLE, MODEL_UNAVAILABLE or FALLBACK_AMOUNT
 * @param detail the numbers behind it
 */
public record ReasonView(String code, String detail) {
}
