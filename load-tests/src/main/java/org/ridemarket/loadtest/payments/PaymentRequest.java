package org.ridemarket.loadtest.payments;

import java.util.Locale;

/**
 * The body of one {@code POST /payments/score}, the fraud-service's request: a trip fare or a merchant
 * payment about to be authorised.
 *
 * @param transactionId the gateway's id, unique per run so that every request is a new decision
 * @param cardFingerprint the card's fingerprint, {@code fp_} and 16 hex characters
 * @param userId the paying account
 * @param deviceId the payer's device
 * @param amountMinor amount in cents
 * @param lat where the device was
 * @param lon where the device was
 * @param tripId set for trip fares
 * @param merchantId set for other payments
 */
public record PaymentRequest(String transactionId, String cardFingerprint, String userId, String deviceId,
    long amountMinor, double lat, double lon, String tripId, String merchantId) {

  /** The JSON body, coordinates to six decimals. */
  public String json() {
    // Ids are plain ASCII tokens: nothing to escape.
    String payee = tripId != null ? "\"tripId\":\"" + tripId + "\"" : "\"merchantId\":\"" + merchantId + "\"";
    return String.format(Locale.ROOT,
        "{\"transactionId\":\"%s\",\"cardFingerprint\":\"%s\",\"userId\":\"%s\",\"deviceId\":\"%s\","
            + "\"amountMinor\":%d,\"currency\":\"USD\",\"location\":{\"lat\":%.6f,\"lon\":%.6f},%s}",
        transactionId, cardFingerprint, userId, deviceId, amountMinor, lat, lon, payee);
  }
}
