package org.ridemarket.models.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.features.CongestionFeatures;
import org.ridemarket.contracts.features.CongestionSnapshot;
import org.ridemarket.contracts.features.EtaFeatures;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.routing.MapFreeRouter;
import org.ridemarket.routing.Route;
import org.ridemarket.simulator.output.EncodedEvent;

/** Rows are point in time: the vectors Redis held when the rider asked, the route departing at the pick-up. */
class EtaRowsTest {

  private static final org.ridemarket.routing.GeoPoint PICKUP = org.ridemarket.routing.GeoPoint.of(40.7505, -73.9880);
  private static final org.ridemarket.routing.GeoPoint DROPOFF = org.ridemarket.routing.GeoPoint.of(40.7580, -73.9855);
  // Monday 2 November 2026: asked 17:50:00, picked up 17:58:00, dropped off 18:08:00 in New York (EST, UTC-5)
  private static final long REQUESTED = Instant.parse("2026-11-02T22:50:00Z").toEpochMilli();
  private static final long PICKED_UP = REQUESTED + 8 * 60_000;
  private static final long COMPLETED = PICKED_UP + 10 * 60_000;
  private static final CompletedTrip TRIP =
      new CompletedTrip("t-1", REQUESTED, PICKED_UP, COMPLETED, PICKUP, DROPOFF, 600);
  private static final BaselineRoutes NO_MAP = new BaselineRoutes(Optional.empty());

  @Test
  void shouldTakeEachCellsNewestVectorFromBeforeTheRequestNeverOneFromAfterIt() {
    // given every crossed cell had a vector a minute before the request and a fresher one just after it
    List<String> cells = route().distinctCells();
    CellVectorHistory vectors = new CellVectorHistory();
    for (String cell : cells) {
      vectors.add(vector(cell, REQUESTED - 60_000, 4.0));
      vectors.add(vector(cell, REQUESTED + 1_000, 1.0));
    }

    // when the trip's rows are built
    List<EtaRow> rows = EtaRows.of(List.of(TRIP), vectors, NO_MAP);

    // then both rows read the vectors from before the request, a minute old
    assertThat(rows).hasSize(2).extracting(EtaRow::pass).containsExactly(EtaRow.Pass.ROAD, EtaRow.Pass.MAP_FREE);
    for (EtaRow row : rows) {
      assertThat(value(row, EtaFeatures.ROUTE_SPEED_15M)).isEqualTo(4.0f);
      assertThat(value(row, EtaFeatures.FEATURE_AGE_SECONDS)).isEqualTo(60f);
      assertThat(value(row, EtaFeatures.KNOWN_SHARE_15M)).isEqualTo(1f);
      // without a map the road pass falls back to the map-free router and says so
      assertThat(value(row, EtaFeatures.MAP_FREE_ROUTE)).isEqualTo(1f);
      // the departure is the pick-up, 17:58 local, not the request
      assertThat(value(row, EtaFeatures.HOUR_OF_DAY)).isCloseTo(17f + 58f / 60, within(1e-4f));
      assertThat(row.label()).isCloseTo(Math.log(600 / row.baselineSeconds()), within(1e-12));
    }
  }

  @Test
  void shouldCountAVectorOfExactlyTheRequestTimeAndForgetOneOlderThanTheRedisTtl() {
    List<String> cells = route().distinctCells();
    CellVectorHistory vectors = new CellVectorHistory();
    vectors.add(vector(cells.get(0), REQUESTED, 5.0));
    long later = REQUESTED + CellVectorHistory.REDIS_TTL.plus(Duration.ofSeconds(1)).toMillis();

    CompletedTrip askedLater = new CompletedTrip("t-2", later, later + 60_000, later + 660_000, PICKUP, DROPOFF, 600);
    List<EtaRow> rows = EtaRows.of(List.of(TRIP, askedLater), vectors, NO_MAP);

    assertThat(value(rows.get(0), EtaFeatures.ROUTE_SPEED_15M)).isEqualTo(5.0f);
    assertThat(value(rows.get(0), EtaFeatures.FEATURE_AGE_SECONDS)).isZero();
    assertThat(value(rows.get(2), EtaFeatures.ROUTE_SPEED_15M)).isNaN();
    assertThat(value(rows.get(2), EtaFeatures.FEATURE_AGE_SECONDS)).isNaN();
  }

  @Test
  void shouldKnowATripsRequestAndPickUpFromItsEvents() {
    // given a trip's lifecycle, and another trip whose request the history never saw
    EtaHistory history = new EtaHistory(new CongestionReplay());
    history.accept(step("t-1", TripEventType.REQUESTED, REQUESTED, null));
    history.accept(step("t-0", TripEventType.PICKED_UP, REQUESTED + 1_000, null));
    history.accept(step("t-1", TripEventType.ACCEPTED, REQUESTED + 30_000, null));
    history.accept(step("t-1", TripEventType.PICKED_UP, PICKED_UP, null));
    history.accept(step("t-0", TripEventType.COMPLETED, PICKED_UP + 1_000, 300.0));
    history.accept(step("t-1", TripEventType.COMPLETED, COMPLETED, 600.0));
    history.close();

    // then the completed trip carries its request and pick-up times, and the other is left out
    assertThat(history.completedTrips()).containsExactly(TRIP);
    assertThat(history.incomplete()).isEqualTo(1);
  }

  private static Route route() {
    return new MapFreeRouter().route(PICKUP, DROPOFF, Instant.ofEpochMilli(PICKED_UP));
  }

  private static CongestionSnapshot vector(String cell, long eventTime, double speed15m) {
    double[] values = new double[CongestionFeatures.NAMES.size()];
    Arrays.fill(values, Double.NaN);
    values[CongestionFeatures.indexOf(CongestionFeatures.SPEED_15M)] = speed15m;
    return new CongestionSnapshot(cell, eventTime, values);
  }

  private static EncodedEvent step(String tripId, TripEventType type, long time, Double seconds) {
    TripEvent event = new TripEvent(UUID.randomUUID(), Instant.ofEpochMilli(time), tripId, "r-" + tripId,
        "rider-1", type == TripEventType.REQUESTED ? null : "driver-1", type, new GeoPoint(PICKUP.lat(), PICKUP.lon()),
        new GeoPoint(DROPOFF.lat(), DROPOFF.lon()), "882a100d2dfffff", Product.STANDARD, seconds,
        seconds == null ? null : 2_000.0, seconds == null ? null : 1_500L, seconds == null ? null : "USD", null);
    byte[] value = Topics.TRIP_EVENTS.valueSerde().serializer().serialize(Topics.TRIP_EVENTS.name(), event);
    return new EncodedEvent(Topics.TRIP_EVENTS.name(), event.getPickupCell(), event.getPickupCell().getBytes(), value,
        time);
  }

  private static float value(EtaRow row, String name) {
    return row.features()[EtaFeatures.indexOf(name)];
  }
}
