package org.ridemarket.eta.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.ridemarket.eta.EtaRequest;
import org.ridemarket.eta.config.EtaConfig;
import org.ridemarket.routing.GreatCircle;
import org.ridemarket.service.rest.InvalidRequestException;

/** What an ETA may be asked for, beyond the body's syntax: a departure near now, and a real, city-sized trip. */
@ApplicationScoped
public class RequestLimits {

  private final EtaConfig.Request limits;

  RequestLimits(EtaConfig config) {
    this.limits = config.request();
  }

  /**
   * Checks a request at {@code now}.
   *
   * @throws InvalidRequestException naming {@code departureTime} or {@code destination}
   */
  public EtaRequest check(EtaRequest request, Instant now) {
    Duration ahead = limits.maxDepartureAhead();
    Duration behind = limits.maxDepartureBehind();
    if (request.departure().isAfter(now.plus(ahead))) {
      throw new InvalidRequestException("departureTime", "must be at most " + describe(ahead) + " ahead");
    }
    if (request.departure().isBefore(now.minus(behind))) {
      throw new InvalidRequestException("departureTime", "must be at most " + describe(behind) + " in the past");
    }
    double metres = GreatCircle.metres(request.origin(), request.destination());
    if (metres < limits.minTripMetres()) {
      throw new InvalidRequestException("destination", String.format(Locale.ROOT,
          "must be at least %.0f m from origin (was %.1f m)", limits.minTripMetres(), metres));
    }
    if (metres > limits.maxTripKm() * 1000) {
      throw new InvalidRequestException("destination", String.format(Locale.ROOT,
          "must be within %.0f km of origin (was %.0f km)", limits.maxTripKm(), metres / 1000));
    }
    return request;
  }

  private static String describe(Duration duration) {
    return duration.toHours() >= 48 ? duration.toDays() + " days" : duration.toMinutes() + " minutes";
  }
}
