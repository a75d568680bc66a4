package org.ridemarket.simulator.trips;

import org.ridemarket.contracts.events.Product;

/**
 * The fare in US cents: base + per km + per minute (at least a minimum), times the product's factor
 * and the quoted surge, plus New York's congestion surcharge for trips south of 96th Street.
 */
public final class Tariff {

  /** Currency of every fare. */
  public static final String CURRENCY = "USD";
  private static final double BASE_CENTS = 300;
  private static final double PER_KM_CENTS = 150;
  private static final double PER_MINUTE_CENTS = 55;
  private static final double MINIMUM_CENTS = 800;
  private static final long CONGESTION_SURCHARGE_CENTS = 275;

  private Tariff() {
  }

  /** The fare in cents for a ride of {@code meters} and {@code seconds} at {@code multiplier}. */
  public static long fareMinor(Product product, double meters, double seconds, double multiplier) {
    double metered = Math.max(MINIMUM_CENTS,
        BASE_CENTS + PER_KM_CENTS * meters / 1000 + PER_MINUTE_CENTS * seconds / 60);
    return Math.round(metered * productFactor(product) * multiplier) + CONGESTION_SURCHARGE_CENTS;
  }

  private static double productFactor(Product product) {
    return switch (product) {
      case XL -> 1.5;
      case PREMIUM -> 2.2;
      default -> 1.0;
    };
  }
}
