package org.ridemarket.simulator.trips;

import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.simulator.clock.SimClock;
import org.ridemarket.simulator.ids.IdGenerator;
import org.ridemarket.simulator.output.EventEmitter;
import org.ridemarket.simulator.riders.RideRequest;

/** Turns lifecycle steps into rides.requests and trips.events records and emits them. */
public final class TripEvents {

  private final IdGenerator ids;
  private final EventEmitter emitter;

  /** Events with ids from {@code ids}, emitted through {@code emitter}. */
  public TripEvents(IdGenerator ids, EventEmitter emitter) {
    this.ids = ids;
    this.emitter = emitter;
  }

  /** The rider's request and the trip's REQUESTED step. */
  public void requested(Trip trip, SimClock clock) {
    RideRequest r = trip.request();
    emitter.rideRequested(new RideRequested(ids.eventId(), clock.instant(), r.requestId(), r.rider().id(),
        point(r.pickup().lat(), r.pickup().lon()), point(r.dropoff().lat(), r.dropoff().lon()), r.pickupCell(),
        r.product(), null));
    emit(trip, TripEventType.REQUESTED, clock, null, null, null, null);
  }

  /** ACCEPTED, PICKED_UP or another step that carries no measurements. */
  public void step(Trip trip, TripEventType type, SimClock clock) {
    emit(trip, type, clock, null, null, null, null);
  }

  /** COMPLETED, with what was driven and charged. */
  public void completed(Trip trip, SimClock clock, double seconds, double meters, long fareMinor) {
    emit(trip, TripEventType.COMPLETED, clock, seconds, meters, fareMinor, null);
  }

  /** CANCELLED, with the reason. */
  public void cancelled(Trip trip, SimClock clock, String reason) {
    emit(trip, TripEventType.CANCELLED, clock, null, null, null, reason);
  }

  private void emit(Trip trip, TripEventType type, SimClock clock, Double seconds, Double meters, Long fare,
      String reason) {
    RideRequest r = trip.request();
    emitter.trip(new TripEvent(ids.eventId(), clock.instant(), r.tripId(), r.requestId(), r.rider().id(),
        trip.driver() == null ? null : trip.driver().id(), type,
        point(r.pickup().lat(), r.pickup().lon()), point(r.dropoff().lat(), r.dropoff().lon()), r.pickupCell(),
        r.product(), seconds, meters, fare, fare == null ? null : Tariff.CURRENCY, reason));
  }

  private static GeoPoint point(double lat, double lon) {
    return new GeoPoint(lat, lon);
  }
}
