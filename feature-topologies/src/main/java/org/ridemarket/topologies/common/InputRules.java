package org.ridemarket.topologies.common;

import static org.ridemarket.topologies.common.FieldChecks.amount;
import static org.ridemarket.topologies.common.FieldChecks.cell;
import static org.ridemarket.topologies.common.FieldChecks.currency;
import static org.ridemarket.topologies.common.FieldChecks.entityId;
import static org.ridemarket.topologies.common.FieldChecks.first;
import static org.ridemarket.topologies.common.FieldChecks.id;
import static org.ridemarket.topologies.common.FieldChecks.inServiceArea;
import static org.ridemarket.topologies.common.FieldChecks.notACardNumber;
import static org.ridemarket.topologies.common.FieldChecks.point;
import static org.ridemarket.topologies.common.FieldChecks.speed;

import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;

/**
 * What makes an input event usable by the feature topologies, per event type: rules belong to the
 * event type and its topic's key, not to one topology. Each kind of problem has its own dead-letter
 * reason ({@link DeadLetters}), checked in this order: payload size, decoding, {@code invalid},
 * {@code impossible}, {@code outsideArea}, then (in {@link DecodeProcessor}) event time and duplicates.
 *
 * @param maxPayloadBytes the largest value, in bytes, accepted before decoding (OVERSIZED)
 * @param invalid the first malformed or missing field of a keyed event as "field: what is wrong", or null (INVALID)
 * @param impossible the first well-formed value that cannot happen (a speed, an amount), or null (IMPOSSIBLE_VALUE)
 * @param outsideArea the first place outside the {@link org.ridemarket.contracts.geo.ServiceArea}, or null
 *     (OUT_OF_SERVICE_AREA)
 * @param eventTime the event's event time, epoch millis
 * @param eventId the event's idempotency key, which finds duplicates (DUPLICATE)
 * @param withheld whether a rejected record must not be kept as it is (it holds data that must not spread,
 *     such as a card number): its dead letter then carries neither key nor value. Called with the record's
 *     key and its event, which is null when the value could not be decoded.
 */
public record InputRules<V>(int maxPayloadBytes, BiFunction<String, V, String> invalid,
    Function<V, String> impossible, Function<V, String> outsideArea, ToLongFunction<V> eventTime,
    Function<V, UUID> eventId, BiPredicate<String, V> withheld) {

  /**
   * The payload limit of every input: the largest valid event is a few hundred bytes (a trip event with
   * long ids is under 600), so 4 KiB leaves room for ids up to their limits and refuses a megabyte of
   * junk before it is decoded.
   */
  public static final int MAX_PAYLOAD_BYTES = 4096;

  /** Ride requests, keyed by their pickup cell; the pickup must be in the service area (the dropoff may leave it). */
  public static InputRules<RideRequested> rideRequests() {
    return new InputRules<>(MAX_PAYLOAD_BYTES, (key, event) -> first(
        id("requestId", event.getRequestId()),
        id("riderId", event.getRiderId()),
        point("pickup", event.getPickup()),
        point("dropoff", event.getDropoff()),
        cell("pickupCell", event.getPickupCell())),
        event -> null,
        event -> inServiceArea("pickupCell", event.getPickupCell()),
        event -> event.getEventTime().toEpochMilli(), RideRequested::getEventId, (key, event) -> false);
  }

  /** Trip events, keyed by their pickup cell; the pickup must be in the service area. */
  public static InputRules<TripEvent> tripEvents() {
    return new InputRules<>(MAX_PAYLOAD_BYTES, (key, event) -> first(
        id("tripId", event.getTripId()),
        point("pickup", event.getPickup()),
        point("dropoff", event.getDropoff()),
        cell("pickupCell", event.getPickupCell())),
        event -> null,
        event -> inServiceArea("pickupCell", event.getPickupCell()),
        event -> event.getEventTime().toEpochMilli(), TripEvent::getEventId, (key, event) -> false);
  }

  /** Driver pings, keyed by driver id: the key must be the event's driverId, the cell in the service area. */
  public static InputRules<DriverLocationUpdated> driverPings() {
    return new InputRules<>(MAX_PAYLOAD_BYTES, (key, event) -> first(
        id("driverId", event.getDriverId()),
        // the latest-position store is keyed by the record key: another key would split a driver in two
        key == null ? "key: missing, pings are keyed by driverId"
            : key.equals(event.getDriverId()) ? null
            : "key: '" + FieldChecks.abbreviate(key) + "' is not the driverId '" + event.getDriverId() + "'",
        point("position", event.getPosition()),
        cell("cell", event.getCell())),
        event -> null,
        event -> inServiceArea("cell", event.getCell()),
        event -> event.getEventTime().toEpochMilli(), DriverLocationUpdated::getEventId, (key, event) -> false);
  }

  /**
   * Payment attempts. The card, user and device ids become keys (topic, store, Redis), so they are
   * bounded; the key itself is not checked, because the velocity topology repartitions every payment
   * by entity and does not rely on the input's partitioning. A rejected payment whose key or card
   * fingerprint looks like a card number is withheld, whatever the reason it was rejected for: its
   * bytes would carry the number to the dead-letter topic. The location is not held to the service
   * area: a card used far away is exactly what impossible-travel scoring must see.
   */
  public static InputRules<PaymentAttempted> payments() {
    return new InputRules<>(MAX_PAYLOAD_BYTES, (key, event) -> first(
        id("transactionId", event.getTransactionId()),
        entityId("cardFingerprint", event.getCardFingerprint()),
        notACardNumber("cardFingerprint", event.getCardFingerprint()),
        entityId("userId", event.getUserId()),
        entityId("deviceId", event.getDeviceId()),
        currency("currency", event.getCurrency()),
        point("location", event.getLocation()),
        // a merchant becomes an entity key of its own
        event.getMerchantId() == null ? null : entityId("merchantId", event.getMerchantId())),
        // zero is a real attempt: card testers like zero-amount authorisations
        event -> amount("amountMinor", event.getAmountMinor()),
        event -> null,
        event -> event.getEventTime().toEpochMilli(), PaymentAttempted::getEventId,
        (key, event) -> FieldChecks.looksLikeCardNumber(key)
            || event != null && FieldChecks.looksLikeCardNumber(event.getCardFingerprint()));
  }

  /**
   * Fraud labels, keyed by transaction id, for label feedback: the card and merchant they name (either may be
   * absent: the label then counts for the other, or for nothing) become entity keys. A label whose key or card
   * looks like a card number is withheld, as a payment's is.
   */
  public static InputRules<FraudLabeled> fraudLabels() {
    return new InputRules<>(MAX_PAYLOAD_BYTES, (key, event) -> first(
        id("transactionId", event.getTransactionId()),
        event.getCardFingerprint() == null ? null : entityId("cardFingerprint", event.getCardFingerprint()),
        event.getCardFingerprint() == null ? null : notACardNumber("cardFingerprint", event.getCardFingerprint()),
        event.getMerchantId() == null ? null : entityId("merchantId", event.getMerchantId())),
        event -> null,
        event -> null,
        event -> event.getEventTime().toEpochMilli(), FraudLabeled::getEventId,
        (key, event) -> FieldChecks.looksLikeCardNumber(key)
            || event != null && FieldChecks.looksLikeCardNumber(event.getCardFingerprint()));
  }

  /**
   * Driver pings whose speed is used (congestion): the rules of {@link #driverPings()} and a speed in
   * 0..70 m/s. Supply/demand keeps {@link #driverPings()}, which does not read the speed, so a bad
   * speed does not cost it a driver's position.
   */
  public static InputRules<DriverLocationUpdated> driverSpeeds() {
    return driverPings().withImpossible(event -> speed("speedMps", event.getSpeedMps()));
  }

  /**
   * Trip events whose realised speed is used (congestion): the rules of {@link #tripEvents()} and, for a
   * COMPLETED trip, a positive duration and a distance of at least 0 (else INVALID) and a distance over
   * duration in 0..70 m/s (else IMPOSSIBLE_VALUE). Other steps carry no duration and pass as in
   * {@link #tripEvents()}.
   */
  public static InputRules<TripEvent> tripSpeeds() {
    InputRules<TripEvent> trips = tripEvents();
    return new InputRules<>(trips.maxPayloadBytes(), (key, event) -> first(
        trips.invalid().apply(key, event),
        event.getType() == TripEventType.COMPLETED ? completedTrip(event) : null),
        trips.impossible(), trips.outsideArea(), trips.eventTime(), trips.eventId(), trips.withheld())
        .withImpossible(event -> event.getType() == TripEventType.COMPLETED ? tripSpeed(event) : null);
  }

  /**
   * The first problem of a decoded event that its content alone shows (INVALID, IMPOSSIBLE_VALUE, then
   * OUT_OF_SERVICE_AREA), or null: what an importer checks before it writes an event, so that it never
   * produces what the topologies would dead-letter. Event time and duplicates depend on the stream and
   * are not checked here.
   */
  public String problem(String key, V event) {
    String invalid = this.invalid.apply(key, event);
    if (invalid != null) {
      return invalid;
    }
    String impossible = this.impossible.apply(event);
    return impossible != null ? impossible : outsideArea.apply(event);
  }

  /** These rules with one more impossible-value check, after the ones they had. */
  InputRules<V> withImpossible(Function<V, String> more) {
    Function<V, String> before = impossible;
    return new InputRules<>(maxPayloadBytes, invalid, event -> first(before.apply(event), more.apply(event)),
        outsideArea, eventTime, eventId, withheld);
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
    return null;
  }

  private static String tripSpeed(TripEvent trip) {
    double distance = trip.getDistanceMeters();
    double duration = trip.getDurationSeconds();
    String problem = speed("distanceMeters/durationSeconds", distance / duration);
    return problem == null ? null : problem + " (" + distance + " m in " + duration + " s)";
  }
}
