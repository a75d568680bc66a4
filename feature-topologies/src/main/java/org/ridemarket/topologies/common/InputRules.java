package org.ridemarket.topologies.common;

import static org.ridemarket.topologies.common.FieldChecks.cell;
import static org.ridemarket.topologies.common.FieldChecks.currency;
import static org.ridemarket.topologies.common.FieldChecks.entityId;
import static org.ridemarket.topologies.common.FieldChecks.first;
import static org.ridemarket.topologies.common.FieldChecks.id;
import static org.ridemarket.topologies.common.FieldChecks.notACardNumber;
import static org.ridemarket.topologies.common.FieldChecks.point;
import static org.ridemarket.topologies.common.FieldChecks.speed;

import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.ToLongFunction;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;

/**
 * What makes an input event usable by the feature topologies, per event type: rules belong to the
 * event type and its topic's key, not to one topology.
 *
 * @param problem the first problem of a keyed event as "field: what is wrong", or null when valid
 * @param eventTime the event's event time, epoch millis
 * @param withheld whether a rejected record must not be kept as it is (it holds data that must not spread,
 *     such as a card number): its dead letter then carries neither key nor value. Called with the record's
 *     key and its event, which is null when the value could not be decoded.
 */
public record InputRules<V>(BiFunction<String, V, String> problem, ToLongFunction<V> eventTime,
    BiPredicate<String, V> withheld) {

  /** Rules whose rejected records are kept whole in their dead letters. */
  public InputRules(BiFunction<String, V, String> problem, ToLongFunction<V> eventTime) {
    this(problem, eventTime, (key, event) -> false);
  }

  /** Ride requests, keyed by their pickup cell. */
  public static InputRules<RideRequested> rideRequests() {
    return new InputRules<>((key, event) -> first(
        id("requestId", event.getRequestId()),
        id("riderId", event.getRiderId()),
        point("pickup", event.getPickup()),
        point("dropoff", event.getDropoff()),
        cell("pickupCell", event.getPickupCell())),
        event -> event.getEventTime().toEpochMilli());
  }

  /** Trip events, keyed by their pickup cell. */
  public static InputRules<TripEvent> tripEvents() {
    return new InputRules<>((key, event) -> first(
        id("tripId", event.getTripId()),
        point("pickup", event.getPickup()),
        point("dropoff", event.getDropoff()),
        cell("pickupCell", event.getPickupCell())),
        event -> event.getEventTime().toEpochMilli());
  }

  /** Driver pings, keyed by driver id: the key must be the event's driverId. */
  public static InputRules<DriverLocationUpdated> driverPings() {
    return new InputRules<>((key, event) -> first(
        id("driverId", event.getDriverId()),
        // the latest-position store is keyed by the record key: another key would split a driver in two
        key == null ? "key: missing, pings are keyed by driverId"
            : key.equals(event.getDriverId()) ? null
            : "key: '" + FieldChecks.abbreviate(key) + "' is not the driverId '" + event.getDriverId() + "'",
        point("position", event.getPosition()),
        cell("cell", event.getCell())),
        event -> event.getEventTime().toEpochMilli());
  }

  /**
   * Payment attempts. The card, user and device ids become keys (topic, store, Redis), so they are
   * bounded; the key itself is not checked, because the velocity topology repartitions every payment
   * by entity and does not rely on the input's partitioning. A rejected payment whose key or card
   * fingerprint looks like a card number is withheld, whatever the reason it was rejected for: its
   * bytes would carry the number to the dead-letter topic.
   */
  public static InputRules<PaymentAttempted> payments() {
    return new InputRules<>((key, event) -> first(
        id("transactionId", event.getTransactionId()),
        entityId("cardFingerprint", event.getCardFingerprint()),
        notACardNumber("cardFingerprint", event.getCardFingerprint()),
        entityId("userId", event.getUserId()),
        entityId("deviceId", event.getDeviceId()),
        // zero is a real attempt: card testers like zero-amount authorisations
        event.getAmountMinor() < 0 ? "amountMinor: " + event.getAmountMinor() + " is negative" : null,
        currency("currency", event.getCurrency()),
        point("location", event.getLocation())),
        event -> event.getEventTime().toEpochMilli(),
        (key, event) -> FieldChecks.looksLikeCardNumber(key)
            || event != null && FieldChecks.looksLikeCardNumber(event.getCardFingerprint()));
  }

  /**
   * Driver pings whose speed is used (congestion): the rules of {@link #driverPings()} and a speed in
   * 0..70 m/s. Supply/demand keeps {@link #driverPings()}, which does not read the speed, so a bad
   * speed does not cost it a driver's position.
   */
  public static InputRules<DriverLocationUpdated> driverSpeeds() {
    InputRules<DriverLocationUpdated> pings = driverPings();
    return new InputRules<>((key, event) -> first(
        pings.problem().apply(key, event),
        speed("speedMps", event.getSpeedMps())),
        pings.eventTime());
  }

  /**
   * Trip events whose realised speed is used (congestion): the rules of {@link #tripEvents()} and, for a
   * COMPLETED trip, a positive duration, a distance of at least 0 and a distance over duration in
   * 0..70 m/s. Other steps carry no duration and pass as in {@link #tripEvents()}.
   */
  public static InputRules<TripEvent> tripSpeeds() {
    InputRules<TripEvent> trips = tripEvents();
    return new InputRules<>((key, event) -> first(
        trips.problem().apply(key, event),
        event.getType() == TripEventType.COMPLETED ? completedTrip(event) : null),
        trips.eventTime());
  }

  private static String completedTrip(TripEvent trip) {
    Double duration = trip.getDurationSeconds();
    Double distance = trip.getDistanceMeters();
    if (duration == null || !(duration > 0) || duration.isInfinite()) {
      return "durationSeconds: " + duration + " is not a positive duration of a completed trip";
    }
    if (distance == null || !(distance >= 0) || distance.isInfinite()) {
      return "distanceMeters: " + distance + " is not a distance of a completed trip";
    }
    String problem = speed("distanceMeters/durationSeconds", distance / duration);
    return problem == null ? null : problem + " (" + distance + " m in " + duration + " s)";
  }
}
