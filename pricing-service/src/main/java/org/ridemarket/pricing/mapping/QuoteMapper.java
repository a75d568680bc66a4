package org.ridemarket.pricing.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.PriceQuoted;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.pricing.Fare;
import org.ridemarket.pricing.Position;
import org.ridemarket.pricing.Quote;
import org.ridemarket.pricing.TripRequest;
import org.ridemarket.service.rest.Coordinates;
import org.ridemarket.pricing.rest.FareBreakdown;
import org.ridemarket.pricing.rest.QuoteRequest;
import org.ridemarket.pricing.rest.QuoteResponse;

/** Converts quotes between the API, the domain and the {@link PriceQuoted} event. */
@ApplicationScoped
public class QuoteMapper {

  /** The domain request of a validated API request. */
  public TripRequest toTripRequest(QuoteRequest request) {
    return new TripRequest(request.riderId(), Product.valueOf(request.product()), toPosition(request.pickup()),
        toPosition(request.dropoff()));
  }

  /** The API view of a quote at {@code now}, which decides whether it has expired. */
  public QuoteResponse toResponse(Quote quote, Instant now) {
    Fare fare = quote.getFare();
    return new QuoteResponse(quote.getId(), quote.getRiderId(), quote.getProduct().name(),
        toCoordinates(quote.getPickup()), toCoordinates(quote.getDropoff()), quote.getPickupCell(),
        quote.getSurge().multiplier(), quote.getSurge().source().name(), quote.getSurge().modelVersion(),
        quote.getSurge().degraded(),
        new FareBreakdown(fare.baseMinor(), fare.distanceMinor(), fare.timeMinor(), fare.surgeMinor(),
            fare.totalMinor(), fare.currency()),
        quote.getTrip().distanceMeters(), quote.getTrip().durationSeconds(), quote.getCreatedAt(),
        quote.getExpiresAt(), quote.isExpiredAt(now));
  }

  /** The quote's event; its id doubles as the event id, so a resent event is recognised as the same one. */
  public PriceQuoted toEvent(Quote quote) {
    return PriceQuoted.newBuilder()
        .setEventId(quote.getId())
        .setEventTime(quote.getCreatedAt())
        .setQuoteId(quote.getId().toString())
        .setRiderId(quote.getRiderId())
        .setPickup(toGeoPoint(quote.getPickup()))
        .setDropoff(toGeoPoint(quote.getDropoff()))
        .setPickupCell(quote.getPickupCell())
        .setProduct(quote.getProduct())
        .setSurgeMultiplier(quote.getSurge().multiplier())
        .setBaseFareMinor(quote.getFare().beforeSurgeMinor())
        .setTotalFareMinor(quote.getFare().totalMinor())
        .setCurrency(quote.getFare().currency())
        .setExpiresAt(quote.getExpiresAt())
        // The event's field is required; "none" marks a quote priced while no model was in service.
        .setModelVersion(quote.getSurge().modelVersion() == null ? "none" : quote.getSurge().modelVersion())
        .setDegraded(quote.getSurge().degraded())
        .build();
  }

  private static Position toPosition(Coordinates coordinates) {
    return new Position(coordinates.lat(), coordinates.lon());
  }

  private static Coordinates toCoordinates(Position position) {
    return new Coordinates(position.lat(), position.lon());
  }

  private static GeoPoint toGeoPoint(Position position) {
    return new GeoPoint(position.lat(), position.lon());
  }
}
