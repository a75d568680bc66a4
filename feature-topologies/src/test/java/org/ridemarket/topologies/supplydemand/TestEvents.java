package org.ridemarket.topologies.supplydemand;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.DriverStatus;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.geo.Cells;

/**
 * Valid input events positioned at a cell's centre, for the topology tests and, through this
 * module's test-jar, the apps' end-to-end tests.
 */
public final class TestEvents {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private TestEvents() {
  }

  public static RideRequested rideRequest(String cell, Instant eventTime) {
    int n = SEQUENCE.incrementAndGet();
    return RideRequested.newBuilder().setEventId(UUID.randomUUID()).setEventTime(eventTime)
        .setRequestId("req-" + n).setRiderId("rider-" + n).setPickup(centerOf(cell)).setDropoff(centerOf(cell))
        .setPickupCell(cell).setProduct(Product.STANDARD).build();
  }

  public static TripEvent trip(String cell, TripEventType type, Instant eventTime) {
    int n = SEQUENCE.incrementAndGet();
    return TripEvent.newBuilder().setEventId(UUID.randomUUID()).setEventTime(eventTime)
        .setTripId("trip-" + n).setRequestId("req-" + n).setRiderId("rider-" + n).setDriverId("driver-" + n)
        .setType(type).setPickup(centerOf(cell)).setDropoff(centerOf(cell)).setPickupCell(cell)
        .setProduct(Product.STANDARD).build();
  }

  public static DriverLocationUpdated ping(String driverId, String cell, GeoPoint position, DriverStatus status,
      Instant eventTime) {
    return DriverLocationUpdated.newBuilder().setEventId(UUID.randomUUID()).setEventTime(eventTime)
        .setDriverId(driverId).setPosition(position).setCell(cell).setSpeedMps(0).setHeadingDeg(0)
        .setStatus(status).build();
  }

  public static GeoPoint centerOf(String cell) {
    var center = Cells.h3().cellToLatLng(cell);
    return new GeoPoint(center.lat, center.lng);
  }
}
