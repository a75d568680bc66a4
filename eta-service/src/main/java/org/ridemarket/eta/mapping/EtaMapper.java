package org.ridemarket.eta.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.ridemarket.contracts.events.EtaPredicted;
import org.ridemarket.eta.Eta;
import org.ridemarket.eta.EtaRequest;
import org.ridemarket.service.rest.Coordinates;
import org.ridemarket.eta.rest.EtaRequestBody;
import org.ridemarket.eta.rest.EtaResponse;
import org.ridemarket.routing.GeoPoint;

/** Converts ETAs between the API, the domain and the {@link EtaPredicted} event. */
@ApplicationScoped
public class EtaMapper {

  /** The domain request of a syntactically valid body; an absent departure means {@code now}. */
  public EtaRequest toRequest(EtaRequestBody body, Instant now) {
    return new EtaRequest(toPoint(body.origin()), toPoint(body.destination()),
        body.departureTime() == null ? now : body.departureTime(), body.tripId());
  }

  /** The API view of an ETA, in whole seconds and metres. */
  public EtaResponse toResponse(Eta eta) {
    return new EtaResponse(eta.predictionId(), eta.request().tripId(),
        Math.round(eta.range().etaSeconds()), Math.round(eta.range().p10Seconds()),
        Math.round(eta.range().p90Seconds()), Math.round(eta.distanceMeters()), Math.round(eta.baselineSeconds()),
        eta.modelVersion(), eta.degraded(), eta.router().label(), eta.originCell(), eta.request().departure(),
        eta.createdAt());
  }

  /** The ETA's event; its prediction id doubles as the event id, so a resent event is recognised as the same one. */
  public EtaPredicted toEvent(Eta eta) {
    return EtaPredicted.newBuilder()
        .setEventId(eta.predictionId())
        .setEventTime(eta.createdAt())
        .setPredictionId(eta.predictionId().toString())
        .setTripId(eta.request().tripId())
        .setOrigin(toEventPoint(eta.request().origin()))
        .setDestination(toEventPoint(eta.request().destination()))
        .setOriginCell(eta.originCell())
        .setDepartureTime(eta.request().departure())
        .setEtaSeconds(eta.range().etaSeconds())
        .setP10Seconds(eta.range().p10Seconds())
        .setP90Seconds(eta.range().p90Seconds())
        .setDistanceMeters(eta.distanceMeters())
        .setBaselineSeconds(eta.baselineSeconds())
        // The event's field is required; "none" marks an ETA that no model made (the degraded baseline).
        .setModelVersion(eta.modelVersion() == null ? "none" : eta.modelVersion())
        .setDegraded(eta.degraded())
        .build();
  }

  private static GeoPoint toPoint(Coordinates coordinates) {
    return GeoPoint.of(coordinates.lat(), coordinates.lon());
  }

  private static org.ridemarket.contracts.events.GeoPoint toEventPoint(GeoPoint point) {
    return new org.ridemarket.contracts.events.GeoPoint(point.lat(), point.lon());
  }
}
