package org.ridemarket.topologies.supplydemand;

import static org.ridemarket.topologies.supplydemand.FieldChecks.cell;
import static org.ridemarket.topologies.supplydemand.FieldChecks.first;
import static org.ridemarket.topologies.supplydemand.FieldChecks.id;
import static org.ridemarket.topologies.supplydemand.FieldChecks.point;

import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;

/**
 * What makes an input event usable by the topology, per event type.
 *
 * @param problem the first problem of a keyed event as "field: what is wrong", or null when valid
 * @param eventTime the event's event time, epoch millis
 */
record InputRules<V>(BiFunction<String, V, String> problem, ToLongFunction<V> eventTime) {

  static InputRules<RideRequested> rideRequests() {
    return new InputRules<>((key, event) -> first(
        id("requestId", event.getRequestId()),
        id("riderId", event.getRiderId()),
        point("pickup", event.getPickup()),
        point("dropoff", event.getDropoff()),
        cell("pickupCell", event.getPickupCell())),
        event -> event.getEventTime().toEpochMilli());
  }

  static InputRules<TripEvent> tripEvents() {
    return new InputRules<>((key, event) -> first(
        id("tripId", event.getTripId()),
        point("pickup", event.getPickup()),
        point("dropoff", event.getDropoff()),
        cell("pickupCell", event.getPickupCell())),
        event -> event.getEventTime().toEpochMilli());
  }

  static InputRules<DriverLocationUpdated> driverPings() {
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
}
