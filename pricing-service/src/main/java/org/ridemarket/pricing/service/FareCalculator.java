package org.ridemarket.pricing.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.pricing.Fare;
import org.ridemarket.pricing.Position;
import org.ridemarket.pricing.Trip;
import org.ridemarket.pricing.config.PricingConfig;
import org.ridemarket.service.rest.InvalidRequestException;

/**
 * Estimates a trip from its end points and prices it with the product's rate card and a surge
 * multiplier. Checked at start-up: every product riders can ask for must have a rate card.
 */
@Startup
@ApplicationScoped
public class FareCalculator {

  private final Map<Product, PricingConfig.Tariff> tariffs = new EnumMap<>(Product.class);
  private final PricingConfig.Route route;
  private final String currency;

  FareCalculator(PricingConfig config) {
    for (Product product : Product.values()) {
      if (product == Product.UNKNOWN) {
        continue;
      }
      PricingConfig.Tariff tariff = config.tariffs().get(product.name());
      if (tariff == null) {
        throw new IllegalStateException("no tariff for product " + product + ": set pricing.tariffs."
            + product + ".base-minor, .per-km-minor and .per-minute-minor");
      }
      tariffs.put(product, tariff);
    }
    this.route = config.route();
    this.currency = config.currency();
  }

  /**
   * The estimated road distance and driving time between two points.
   *
   * @throws InvalidRequestException if the dropoff is farther than the longest trip quoted
   */
  public Trip route(Position pickup, Position dropoff) {
    double meters = pickup.metersTo(dropoff) * route.detourFactor();
    if (meters > route.maxTripKm() * 1000) {
      throw new InvalidRequestException("dropoff", "is " + Math.round(meters / 1000) + " km by road from the pickup; "
          + "trips longer than " + route.maxTripKm() + " km are not quoted");
    }
    double seconds = meters / (route.averageSpeedKmh() / 3.6);
    return new Trip(Math.round(meters), Math.round(seconds));
  }

  /** The fare of a trip for a product under a surge multiplier; its lines add up to its total. */
  public Fare fare(Product product, Trip trip, double multiplier) {
    PricingConfig.Tariff tariff = tariffs.get(product);
    if (tariff == null) {
      throw new InvalidRequestException("product", "no tariff for " + product);
    }
    long distance = Math.round(trip.distanceMeters() / 1000.0 * tariff.perKmMinor());
    long time = Math.round(trip.durationSeconds() / 60.0 * tariff.perMinuteMinor());
    long beforeSurge = tariff.baseMinor() + distance + time;
    long surge = Math.round(beforeSurge * (multiplier - 1.0));
    return new Fare(tariff.baseMinor(), distance, time, surge, beforeSurge + surge, currency);
  }
}
