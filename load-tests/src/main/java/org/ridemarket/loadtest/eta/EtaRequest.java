package org.ridemarket.loadtest.eta;

import java.util.Locale;

/**
 * The body of one {@code POST /eta}, the eta-service's request: a trip from origin to destination,
 * leaving now.
 *
 * @param originLat origin latitude
 * @param originLon origin longitude
 * @param destinationLat destination latitude
 * @param destinationLon destination longitude
 */
public record EtaRequest(double originLat, double originLon, double destinationLat, double destinationLon) {

  /** The JSON body, coordinates to six decimals (about 10 cm). */
  public String json() {
    return String.format(Locale.ROOT,
        "{\"origin\":{\"lat\":%.6f,\"lon\":%.6f},\"destination\":{\"lat\":%.6f,\"lon\":%.6f}}",
        originLat, originLon, destinationLat, destinationLon);
  }
}
