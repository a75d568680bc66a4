package org.ridemarket.loadtest.quotes;

import java.util.Locale;

/**
 * The body of one {@code POST /quotes}, the pricing-service's {@code QuoteRequest}.
 *
 * @param riderId who asks, {@code usr_} and 12 hex characters like the simulator's riders
 * @param pickupLat pickup latitude
 * @param pickupLon pickup longitude
 * @param dropoffLat dropoff latitude
 * @param dropoffLon dropoff longitude
 * @param product STANDARD, XL or PREMIUM
 */
public record QuoteRequest(String riderId, double pickupLat, double pickupLon, double dropoffLat, double dropoffLon,
    String product) {

  /** The JSON body, coordinates to six decimals (about 10 cm). */
  public String json() {
    // Rider ids and products are plain ASCII tokens: nothing to escape.
    return String.format(Locale.ROOT,
        "{\"riderId\":\"%s\",\"pickup\":{\"lat\":%.6f,\"lon\":%.6f},\"dropoff\":{\"lat\":%.6f,\"lon\":%.6f},"
            + "\"product\":\"%s\"}",
        riderId, pickupLat, pickupLon, dropoffLat, dropoffLon, product);
  }
}
