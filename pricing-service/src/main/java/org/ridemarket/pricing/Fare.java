package org.ridemarket.pricing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An upfront fare, line by line, in minor units of its currency; the lines add up to the total.
 *
 * @param baseMinor the product's flat amount
 * @param distanceMinor the distance part
 * @param timeMinor the time part
 * @param surgeMinor what the surge multiplier adds to base + distance + time
 * @param totalMinor what the rider is promised
 * @param currency ISO 4217 code
 */
@Embeddable
public record Fare(
    @Column(name = "base_fare_minor") long baseMinor,
    @Column(name = "distance_fare_minor") long distanceMinor,
    @Column(name = "time_fare_minor") long timeMinor,
    @Column(name = "surge_amount_minor") long surgeMinor,
    @Column(name = "total_fare_minor") long totalMinor,
    @Column(name = "currency") String currency) {

  /** The fare before surge: base + distance + time. */
  public long beforeSurgeMinor() {
    return baseMinor + distanceMinor + timeMinor;
  }
}
