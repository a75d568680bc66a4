package org.ridemarket.simulator.payments;

import org.ridemarket.contracts.events.FraudPattern;

/**
 * A payment to attempt at a given simulated time: who pays with what, how much, where, for a trip
 * or a merchant, and the truth about it (pattern NONE for a legitimate payment).
 */
public record PlannedPayment(long at, String cardFingerprint, String userId, String deviceId, long amountMinor,
    double lat, double lon, String merchantId, String tripId, FraudPattern pattern, String episodeId) {

  /** True for a fraudulent payment. */
  public boolean fraud() {
    return pattern != FraudPattern.NONE;
  }
}
