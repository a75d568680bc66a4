package org.ridemarket.pricing.rest;

/**
 * A fare line by line, in minor units (cents) of {@code currency}; the lines add up to the total.
 *
 * @param baseMinor the product's flat amount
 * @param distanceMinor the distance part
 * @param timeMinor the time part
 * @param surgeMinor what the surge multiplier adds
 * @param totalMinor what the rider pays
 * @param currency ISO 4217 code
 */
public record FareBreakdown(long baseMinor, long distanceMinor, long timeMinor, long surgeMinor, long totalMinor,
    String currency) {
}
