package org.ridemarket.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.DriverStatus;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.MemorySink;
import org.ridemarket.simulator.progress.Snapshot;

class SimulationLifecycleTest {

  private static final List<TripEvent> trips = new ArrayList<>();
  private static final List<RideRequested> requests = new ArrayList<>();
  private static final List<DriverLocationUpdated> pings = new ArrayList<>();
  private static final List<PaymentAttempted> payments = new ArrayList<>();
  private static final List<EncodedEvent> events = new ArrayList<>();
  private static Snapshot snapshot;

  @BeforeAll
  static void runThreeBusyHours() {
    // Three hours around the evening peak: shifts end, riders time out, trips complete.
    MemorySink sink = new MemorySink();
    snapshot = TestRuns.run(TestRuns.config(Duration.ofHours(3)).seed(11).drivers(250)
        .start(TestRuns.MONDAY_MORNING.plus(Duration.ofHours(10))).build(), sink);
    events.addAll(sink.events());
    for (EncodedEvent event : events) {
      switch (event.topic()) {
        case "trips.events" -> trips.add(TestRuns.decode(Topics.TRIP_EVENTS, event));
        case "rides.requests" -> requests.add(TestRuns.decode(Topics.RIDE_REQUESTS, event));
        case "drivers.locations" -> pings.add(TestRuns.decode(Topics.DRIVER_LOCATIONS, event));
        case "payments.events" -> payments.add(TestRuns.decode(Topics.PAYMENTS, event));
        default -> { }
      }
    }
  }

  @Test
  void shouldPassEveryCompletedTripThroughRequestedAcceptedAndPickedUpInOrder() {
    // given the steps of each trip
    Map<String, List<TripEvent>> byTrip = new HashMap<>();
    trips.forEach(step -> byTrip.computeIfAbsent(step.getTripId(), id -> new ArrayList<>()).add(step));

    // then
    List<TripEvent> completed = trips.stream().filter(t -> t.getType() == TripEventType.COMPLETED).toList();
    assertThat(completed).hasSizeGreaterThan(500);
    for (TripEvent done : completed) {
      List<TripEvent> steps = byTrip.get(done.getTripId());
      assertThat(steps).extracting(TripEvent::getType).containsExactly(
          TripEventType.REQUESTED, TripEventType.ACCEPTED, TripEventType.PICKED_UP, TripEventType.COMPLETED);
      assertThat(steps).extracting(TripEvent::getEventTime).isSorted();
      assertThat(steps.get(2).getEventTime()).isAfter(steps.get(1).getEventTime());
      assertThat(done.getDurationSeconds()).isPositive()
          .isEqualTo((done.getEventTime().toEpochMilli() - steps.get(2).getEventTime().toEpochMilli()) / 1000.0);
      assertThat(done.getDistanceMeters()).isPositive();
      assertThat(done.getFareMinor()).isGreaterThanOrEqualTo(800 + 275);
      assertThat(done.getCurrency()).isEqualTo("USD");
      assertThat(done.getDriverId()).isNotNull().isEqualTo(steps.get(1).getDriverId());
    }
  }

  @Test
  void shouldCancelSomeTripsWithAReason() {
    assertThat(trips).filteredOn(t -> t.getType() == TripEventType.CANCELLED).isNotEmpty()
        .allSatisfy(t -> assertThat(t.getCancelReason()).isIn("RIDER_TIMEOUT", "NO_DRIVER", "RIDER_CANCELLED"));
    assertThat(snapshot.ridesRequested()).isEqualTo(requests.size());
  }

  @Test
  void shouldPingEveryFourSecondsAndSendDriversOffline() {
    // given the pings of each driver
    Map<String, List<DriverLocationUpdated>> byDriver = new HashMap<>();
    pings.forEach(p -> byDriver.computeIfAbsent(p.getDriverId(), id -> new ArrayList<>()).add(p));

    // then
    assertThat(pings).anyMatch(p -> p.getStatus() == DriverStatus.OFFLINE);
    assertThat(pings).extracting(DriverLocationUpdated::getStatus).contains(
        DriverStatus.AVAILABLE, DriverStatus.EN_ROUTE, DriverStatus.ON_TRIP);
    for (List<DriverLocationUpdated> own : byDriver.values()) {
      for (int i = 1; i < own.size(); i++) {
        long gap = own.get(i).getEventTime().toEpochMilli() - own.get(i - 1).getEventTime().toEpochMilli();
        boolean afterOffline = own.get(i - 1).getStatus() == DriverStatus.OFFLINE
            || own.get(i).getStatus() == DriverStatus.OFFLINE;
        assertThat(afterOffline || gap == 4_000).as("gap between pings %d ms", gap).isTrue();
      }
    }
    assertThat(pings).allSatisfy(p -> {
      assertThat(p.getSpeedMps()).isBetween(0.0, 20.0);
      assertThat(p.getHeadingDeg()).isBetween(0.0, 360.0);
    });
  }

  @Test
  void shouldGiveEveryEventAValidCellMatchingItsPosition() {
    assertThat(pings).allSatisfy(p ->
        assertThat(p.getCell()).isEqualTo(Cells.cellOf(p.getPosition().getLat(), p.getPosition().getLon())));
    assertThat(requests).allSatisfy(r ->
        assertThat(r.getPickupCell()).isEqualTo(Cells.cellOf(r.getPickup().getLat(), r.getPickup().getLon())));
    assertThat(trips).allSatisfy(t -> assertThat(Cells.h3().getResolution(t.getPickupCell())).isEqualTo(8));
  }

  @Test
  void shouldKeyEventsAsTheContractSaysAndInEventTimeOrderPerKey() {
    // then every event is keyed by its contract key ...
    for (EncodedEvent event : events) {
      switch (event.topic()) {
        case "trips.events" ->
            assertThat(event.key()).isEqualTo(TestRuns.decode(Topics.TRIP_EVENTS, event).getPickupCell());
        case "payments.events" ->
            assertThat(event.key()).isEqualTo(TestRuns.decode(Topics.PAYMENTS, event).getCardFingerprint());
        case "drivers.locations" ->
            assertThat(event.key()).isEqualTo(TestRuns.decode(Topics.DRIVER_LOCATIONS, event).getDriverId());
        case "rides.requests" ->
            assertThat(event.key()).isEqualTo(TestRuns.decode(Topics.RIDE_REQUESTS, event).getPickupCell());
        default -> { }
      }
    }
    // ... and the stream never goes back in event time
    assertThat(events).extracting(EncodedEvent::eventTimeMillis).isSorted();
  }

  @Test
  void shouldNeverEmitAnythingThatLooksLikeACardNumber() {
    assertThat(payments).hasSizeGreaterThan(500).allSatisfy(p -> {
      assertThat(p.getCardFingerprint()).matches("fp_[0-9a-f]{20}").doesNotContainPattern("[0-9]{13,19}");
      assertThat(p.getAmountMinor()).isPositive();
    });
    Set<String> tripIds = new HashSet<>();
    trips.forEach(t -> tripIds.add(t.getTripId()));
    assertThat(payments).filteredOn(p -> p.getTripId() != null).allSatisfy(p ->
        assertThat(tripIds).contains(p.getTripId()));
  }
}
