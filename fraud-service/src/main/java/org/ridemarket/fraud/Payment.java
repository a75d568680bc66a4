package org.ridemarket.fraud;

import java.time.Instant;

/**
 * A payment the gateway asks about, validated, with its event time resolved.
 *
 * @param transactionId the gateway's id of the payment, the idempotency key
 * @param cardFingerprint the card's fingerprint, never its number
 * @param userId the paying account
 * @param deviceId the payer's device
 * @param amountMinor amount in minor units of {@code currency}
 * @param currency ISO 4217 code
 * @param lat latitude of the payer's device
 * @param lon longitude of the payer's device
 * @param merchantId set for payments that are not trip fares, else null
 * @param tripId set for trip fares, else null
 * @param eventTime when the payment was attempted (the request's, or its arrival)
 * @param payloadSha256 SHA-256 of the request as sent, which a retry must repeat
 */
public record Payment(String transactionId, String cardFingerprint, String userId, String deviceId, long amountMinor,
    String currency, double lat, double lon, String merchantId, String tripId, Instant eventTime,
    String payloadSha256) {
}
