package org.ridemarket.models.surge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.output.EncodedEvent;

class HindsightLabelsTest {

  private static final String CELL = "882a100d65fffff";
  private static final String OTHER = "882a100d67fffff";
  private final HindsightLabels labels = new HindsightLabels();

  @Test
  void shouldCountRequestsInTheIntervalAndThoseADriverAccepted() {
    // given requests at 0, 60 and 600 s in the cell, one elsewhere, and drivers for two of them
    request("r1", CELL, 0);
    request("r2", CELL, 60_000);
    request("r3", CELL, 600_000);
    request("r4", OTHER, 30_000);
    trip("r1", TripEventType.ACCEPTED, 20_000);
    trip("r2", TripEventType.CANCELLED, 200_000);
    trip("r3", TripEventType.ACCEPTED, 610_000);
    trip("r3", TripEventType.COMPLETED, 1_500_000);

    // then the interval is half-open, per cell, and only acceptances count as served
    assertThat(labels.outcome(CELL, 0, 600_000)).isEqualTo(new HindsightLabels.Outcome(2, 1));
    assertThat(labels.outcome(CELL, 0, 600_001)).isEqualTo(new HindsightLabels.Outcome(3, 2));
    assertThat(labels.outcome(CELL, 60_000, 600_001)).isEqualTo(new HindsightLabels.Outcome(2, 1));
    assertThat(labels.outcome(OTHER, 0, 600_000)).isEqualTo(new HindsightLabels.Outcome(1, 0));
    assertThat(labels.outcome("882a100d61fffff", 0, 600_000)).isEqualTo(new HindsightLabels.Outcome(0, 0));
  }

  @Test
  void shouldSeeAnAcceptanceThatArrivesAfterItWasFirstAsked() {
    request("r1", CELL, 0);
    assertThat(labels.outcome(CELL, 0, 60_000).served()).isZero();

    trip("r1", TripEventType.ACCEPTED, 5_000);

    assertThat(labels.outcome(CELL, 0, 60_000).served()).isEqualTo(1);
  }

  private void request(String requestId, String cell, long time) {
    RideRequested request = RideRequested.newBuilder().setEventId(UUID.randomUUID())
        .setEventTime(Instant.ofEpochMilli(time)).setRequestId(requestId).setRiderId("usr_1")
        .setPickup(new GeoPoint(40.75, -73.98)).setDropoff(new GeoPoint(40.76, -73.97)).setPickupCell(cell)
        .setProduct(Product.STANDARD).build();
    labels.accept(new EncodedEvent(Topics.RIDE_REQUESTS.name(), cell, cell.getBytes(),
        Topics.RIDE_REQUESTS.valueSerde().serializer().serialize("t", request), time));
  }

  private void trip(String requestId, TripEventType type, long time) {
    TripEvent trip = TripEvent.newBuilder().setEventId(UUID.randomUUID()).setEventTime(Instant.ofEpochMilli(time))
        .setTripId("trp_" + requestId).setRequestId(requestId).setRiderId("usr_1").setDriverId("drv_1").setType(type)
        .setPickup(new GeoPoint(40.75, -73.98)).setDropoff(new GeoPoint(40.76, -73.97)).setPickupCell(CELL)
        .setProduct(Product.STANDARD).build();
    labels.accept(new EncodedEvent(Topics.TRIP_EVENTS.name(), CELL, CELL.getBytes(),
        Topics.TRIP_EVENTS.valueSerde().serializer().serialize("t", trip), time));
  }
}
