package org.ridemarket.models.eta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.features.EtaFeatures;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.output.EncodedEvent;

/**
 * Imported taxi trips (street hails: requested at the pick-up, no driver) replayed through the congestion
 * topology: a trip's row sees the realised speed of trips that ended before it started, never of one still
 * under way.
 */
class RealHistoryPointInTimeTest {

  private static final org.ridemarket.routing.GeoPoint PICKUP = org.ridemarket.routing.GeoPoint.of(40.7505, -73.9880);
  private static final org.ridemarket.routing.GeoPoint DROPOFF = org.ridemarket.routing.GeoPoint.of(40.7580, -73.9855);
  private static final Instant FIVE_PM = Instant.parse("2018-03-05T22:00:00Z");

  @Test
  void shouldSeeOnlyTripsThatEndedBeforeTheTripStarted() {
    // given trip a (17:00-17:30), trip b starting while a is under way (17:20-17:40), trip c after both (17:45-18:00)
    EtaHistory history = new EtaHistory(new CongestionReplay());
    List.of(
        hail("a", TripEventType.REQUESTED, 0, null), hail("a", TripEventType.PICKED_UP, 0, null),
        hail("b", TripEventType.REQUESTED, 20, null), hail("b", TripEventType.PICKED_UP, 20, null),
        hail("a", TripEventType.COMPLETED, 30, 1_800.0),
        hail("b", TripEventType.COMPLETED, 40, 1_200.0),
        hail("c", TripEventType.REQUESTED, 45, null), hail("c", TripEventType.PICKED_UP, 45, null),
        hail("c", TripEventType.COMPLETED, 60, 900.0)).forEach(history::accept);

    // when the rows are built from the replay
    List<EtaRow> rows = EtaRows.of(history.completedTrips(), history.vectors(), new BaselineRoutes(Optional.empty()));
    history.close();

    // then b (started before a ended) knows no realised trip, and c knows both a and b
    assertThat(rows).extracting(row -> row.trip().tripId()).containsExactly("a", "a", "b", "b", "c", "c");
    assertThat(value(rows.get(2), EtaFeatures.ORIGIN_TRIPS_60M)).isZero();
    assertThat(value(rows.get(2), EtaFeatures.ORIGIN_TRIP_SPEED_60M)).isNaN();
    assertThat(value(rows.get(4), EtaFeatures.ORIGIN_TRIPS_60M)).isEqualTo(2f);
    assertThat(value(rows.get(4), EtaFeatures.ORIGIN_TRIP_SPEED_60M)).isPositive();
  }

  private static EncodedEvent hail(String tripId, TripEventType type, int minutes, Double seconds) {
    long time = FIVE_PM.plus(Duration.ofMinutes(minutes)).toEpochMilli();
    String cell = Cells.cellOf(PICKUP.lat(), PICKUP.lon());
    TripEvent event = new TripEvent(UUID.randomUUID(), Instant.ofEpochMilli(time), tripId, "r-" + tripId,
        "rider-" + tripId, null, type, new GeoPoint(PICKUP.lat(), PICKUP.lon()),
        new GeoPoint(DROPOFF.lat(), DROPOFF.lon()), cell, Product.STANDARD, seconds,
        seconds == null ? null : 1_500.0, seconds == null ? null : 1_500L, seconds == null ? null : "USD", null);
    byte[] value = Topics.TRIP_EVENTS.valueSerde().serializer().serialize(Topics.TRIP_EVENTS.name(), event);
    return new EncodedEvent(Topics.TRIP_EVENTS.name(), cell, cell.getBytes(), value, time);
  }

  private static float value(EtaRow row, String name) {
    return row.features()[EtaFeatures.indexOf(name)];
  }
}
