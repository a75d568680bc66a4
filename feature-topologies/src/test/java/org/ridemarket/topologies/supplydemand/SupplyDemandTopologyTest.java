package org.ridemarket.topologies.supplydemand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.AVAILABLE_DRIVERS;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.COMPLETED_TRIPS_15M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.DEMAND_SUPPLY_5M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.REQUESTS_15M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.REQUESTS_1M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.REQUESTS_5M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.RING_AVAILABLE_DRIVERS;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.RING_COMPLETED_TRIPS_15M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.RING_DEMAND_SUPPLY_5M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.RING_REQUESTS_15M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.RING_REQUESTS_5M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.TREND_5M_15M;
import static org.ridemarket.topologies.supplydemand.SupplyDemandTestDriver.T0;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.DriverStatus;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.contracts.geo.Cells;

class SupplyDemandTopologyTest {

  static final String CELL = "882a100d65fffff";
  static final String NEIGHBOUR = Cells.ring(CELL).get(0);
  /** Two steps from the cell, and not next to NEIGHBOUR either. */
  static final String TWO_AWAY = Cells.h3().gridRing(CELL, 2).stream()
      .filter(cell -> Cells.h3().gridDistance(cell, NEIGHBOUR) > 1).findFirst().orElseThrow();
  static final String FAR = Cells.cellOf(40.6413, -73.7781);

  private static Instant at(Duration offset) {
    return T0.plus(offset);
  }

  private static Duration s(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  @Test
  void shouldCountARequestInEveryWindowAndLetItSlideOutOfEach() {
    try (SupplyDemandTestDriver driver = new SupplyDemandTestDriver()) {
      // given a request in the cell
      driver.request(CELL, at(s(5)));
      assertThat(values(driver.latest(CELL), REQUESTS_1M, REQUESTS_5M, REQUESTS_15M)).containsExactly(1.0, 1.0, 1.0);

      // when a minute passes in stream time (events elsewhere)
      driver.request(FAR, at(s(65)));

      // then it left the 1-minute window only
      assertThat(values(driver.latest(CELL), REQUESTS_1M, REQUESTS_5M, REQUESTS_15M)).containsExactly(0.0, 1.0, 1.0);

      driver.request(FAR, at(s(5 * 60 + 5)));
      assertThat(values(driver.latest(CELL), REQUESTS_1M, REQUESTS_5M, REQUESTS_15M)).containsExactly(0.0, 0.0, 1.0);

      // and a cell whose windows slid to zero is emitted once more, empty
      driver.request(FAR, at(s(15 * 60 + 5)));
      assertThat(driver.latest(CELL).values()).containsOnly(0.0, 1.0);
      assertThat(values(driver.latest(CELL), REQUESTS_15M, TREND_5M_15M)).containsExactly(0.0, 1.0);
      assertThat(driver.latest(CELL).eventTime()).isEqualTo(at(s(15 * 60 + 5)).toEpochMilli());
    }
  }

  @Test
  void shouldCountALateEventWithinTheGracePeriodAndDeadLetterOneBeyondIt() {
    try (SupplyDemandTestDriver driver = new SupplyDemandTestDriver()) {
      driver.request(CELL, at(s(180)));

      // a request 90 s behind stream time: inside the 2-minute grace
      driver.request(CELL, at(s(90)));
      // a request 150 s behind stream time: beyond it
      driver.request(CELL, at(s(30)));
      driver.advanceWallClock(Duration.ofSeconds(1));

      assertThat(driver.latest(CELL).value(REQUESTS_5M)).isEqualTo(2.0);
      assertThat(driver.deadLetters()).singleElement().satisfies(letter -> {
        assertThat(letter.getReason()).isEqualTo("TOO_LATE");
        assertThat(letter.getDetail()).startsWith("eventTime: ").contains("150000 ms behind stream time");
        assertThat(letter.getSourceTopic()).isEqualTo("rides.requests");
        assertThat(letter.getSourceOffset()).isEqualTo(2L);
      });
    }
  }

  @Test
  void shouldDeadLetterUndecodableBytesAndKeepProcessing() {
    try (SupplyDemandTestDriver driver = new SupplyDemandTestDriver()) {
      byte[] garbage = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);

      driver.rawRequest(CELL, garbage, at(s(1)));
      driver.request(CELL, at(s(2)));

      assertThat(driver.deadLetters()).singleElement().satisfies(letter -> {
        assertThat(letter.getReason()).isEqualTo("DESERIALIZATION_FAILED");
        assertThat(letter.getApplication()).isEqualTo("feature-streams");
        assertThat(bytes(letter.getValue())).isEqualTo(garbage);
        assertThat(StandardCharsets.UTF_8.decode(letter.getKey()).toString()).isEqualTo(CELL);
        assertThat(letter.getDetail()).contains("rides.requests");
      });
      assertThat(driver.latest(CELL).value(REQUESTS_1M)).isEqualTo(1.0);
    }
  }

  @Test
  void shouldDeadLetterInvalidRecordsNamingTheField() {
    try (SupplyDemandTestDriver driver = new SupplyDemandTestDriver()) {
      var badCell = TestEvents.rideRequest(CELL, at(s(1)));
      badCell.put("pickupCell", "8f2a100d65fffff");
      var badLatitude = TestEvents.rideRequest(CELL, at(s(1)));
      badLatitude.getPickup().put("lat", 123.0);
      var noRider = TestEvents.rideRequest(CELL, at(s(1)));
      noRider.put("riderId", " ");

      driver.request(badCell, at(s(1)));
      driver.request(badLatitude, at(s(1)));
      driver.request(noRider, at(s(1)));
      driver.ping("driver-1", "not-a-cell", TestEvents.centerOf(CELL), DriverStatus.AVAILABLE, at(s(1)));

      assertThat(driver.deadLetters()).extracting(letter -> letter.getReason() + " " + letter.getDetail())
          .containsExactly(
              "INVALID pickupCell: '8f2a100d65fffff' is not an H3 resolution-8 cell address",
              "INVALID pickup.lat: 123.0 is not a latitude in -90..90",
              "INVALID riderId: missing",
              "INVALID cell: 'not-a-cell' is not an H3 resolution-8 cell address");
      assertThat(driver.vectorCount()).isZero();
    }
  }

  @Test
  void shouldRejectAnEventTimeFarInTheFutureWithoutMovingStreamTime() {
    try (SupplyDemandTestDriver driver = new SupplyDemandTestDriver()) {
      Instant nextWeek = Instant.now().plus(Duration.ofDays(7));

      driver.request(CELL, nextWeek);
      driver.request(CELL, at(s(10)));

      assertThat(driver.deadLetters()).singleElement().satisfies(letter -> {
        assertThat(letter.getReason()).isEqualTo("FUTURE_EVENT_TIME");
        assertThat(letter.getDetail()).startsWith("eventTime: ");
      });
      assertThat(driver.latest(CELL).value(REQUESTS_1M)).isEqualTo(1.0);
    }
  }

  @Test
  void shouldMoveADriverBetweenCellsAndDropThemWhenTheyGoOffline() {
    try (SupplyDemandTestDriver driver = new SupplyDemandTestDriver()) {
      driver.ping("driver-1", CELL, DriverStatus.AVAILABLE, at(s(1)));
      driver.ping("driver-2", CELL, DriverStatus.AVAILABLE, at(s(2)));
      assertThat(driver.latest(CELL).value(AVAILABLE_DRIVERS)).isEqualTo(2.0);

      // when one driver moves to the far cell, then goes offline there
      driver.ping("driver-1", FAR, DriverStatus.AVAILABLE, at(s(4)));
      assertThat(driver.latest(CELL).value(AVAILABLE_DRIVERS)).isEqualTo(1.0);
      assertThat(driver.latest(FAR).value(AVAILABLE_DRIVERS)).isEqualTo(1.0);

      driver.ping("driver-1", FAR, DriverStatus.OFFLINE, at(s(6)));
      // and the other one takes a trip
      driver.ping("driver-2", CELL, DriverStatus.ON_TRIP, at(s(8)));

      // then both cells lost them
      assertThat(driver.latest(FAR).value(AVAILABLE_DRIVERS)).isZero();
      assertThat(driver.latest(CELL).value(AVAILABLE_DRIVERS)).isZero();
    }
  }

  @Test
  void shouldIgnoreAPingOlderThanTheDriversLatest() {
    try (SupplyDemandTestDriver driver = new SupplyDemandTestDriver()) {
      driver.ping("driver-1", CELL, DriverStatus.AVAILABLE, at(s(10)));

      driver.ping("driver-1", FAR, DriverStatus.AVAILABLE, at(s(5)));
      driver.advanceWallClock(Duration.ofSeconds(1));

      assertThat(driver.latest(CELL).value(AVAILABLE_DRIVERS)).isEqualTo(1.0);
      assertThat(driver.vectorsOf(FAR)).isEmpty();
      assertThat(driver.deadLetters()).isEmpty();
    }
  }

  @Test
  void shouldForgetADriverSilentForTheTimeout() {
    try (SupplyDemandTestDriver driver = new SupplyDemandTestDriver()) {
      driver.ping("driver-1", CELL, DriverStatus.AVAILABLE, at(s(1)));

      driver.request(FAR, at(s(2 * 60)));
      assertThat(driver.latest(CELL).value(AVAILABLE_DRIVERS)).isEqualTo(1.0);
      driver.request(FAR, at(s(3 * 60 + 15)));

      assertThat(driver.latest(CELL).value(AVAILABLE_DRIVERS)).isZero();
    }
  }

  @Test
  void shouldAggregateTheNeighbourRingIntoEachCell() {
    try (SupplyDemandTestDriver driver = new SupplyDemandTestDriver()) {
      driver.request(NEIGHBOUR, at(s(1)));
      driver.request(Cells.ring(CELL).get(3), at(s(2)));
      driver.request(CELL, at(s(3)));
      driver.request(TWO_AWAY, at(s(4)));
      driver.ping("driver-1", NEIGHBOUR, DriverStatus.AVAILABLE, at(s(5)));
      driver.trip(NEIGHBOUR, TripEventType.COMPLETED, at(s(6)));
      driver.trip(NEIGHBOUR, TripEventType.ACCEPTED, at(s(7)));
      driver.advanceWallClock(Duration.ofSeconds(1));

      SupplyDemandSnapshot cell = driver.latest(CELL);
      assertThat(values(cell, REQUESTS_5M, RING_REQUESTS_5M, RING_REQUESTS_15M, RING_AVAILABLE_DRIVERS,
          RING_COMPLETED_TRIPS_15M, RING_DEMAND_SUPPLY_5M)).containsExactly(1.0, 2.0, 2.0, 1.0, 1.0, 2.0);
      SupplyDemandSnapshot neighbour = driver.latest(NEIGHBOUR);
      assertThat(values(neighbour, REQUESTS_5M, AVAILABLE_DRIVERS, COMPLETED_TRIPS_15M, RING_REQUESTS_5M))
          .containsExactly(1.0, 1.0, 1.0, 1.0);
    }
  }

  @Test
  void shouldCompareTheFiveMinuteRateWithTheFifteenMinuteRate() {
    try (SupplyDemandTestDriver driver = new SupplyDemandTestDriver()) {
      for (int i = 0; i < 6; i++) {
        driver.request(CELL, at(s(60 + i)));
      }
      for (int i = 0; i < 6; i++) {
        driver.request(CELL, at(s(12 * 60 + i)));
      }
      driver.ping("driver-1", CELL, DriverStatus.AVAILABLE, at(s(12 * 60 + 10)));
      driver.ping("driver-2", CELL, DriverStatus.AVAILABLE, at(s(12 * 60 + 11)));
      driver.advanceWallClock(Duration.ofSeconds(1));

      // 6 requests in 5 min against 12 in 15 min: a rate 1.5 times the long one
      assertThat(values(driver.latest(CELL), REQUESTS_5M, REQUESTS_15M, DEMAND_SUPPLY_5M))
          .containsExactly(6.0, 12.0, 3.0);
      assertThat(driver.latest(CELL).value(TREND_5M_15M)).isCloseTo(1.5, within(1e-9));
      assertThat(values(driver.latest(NEIGHBOUR), TREND_5M_15M)).as("no requests, no history").containsExactly(1.0);
    }
  }

  @Test
  void shouldRateLimitEachCellAndFlushWhatWasHeldBack() {
    try (SupplyDemandTestDriver driver = new SupplyDemandTestDriver()) {
      for (int i = 0; i < 10; i++) {
        driver.request(CELL, at(s(1)));
      }
      assertThat(driver.vectorsOf(CELL)).hasSize(1);

      driver.advanceWallClock(Duration.ofSeconds(1));

      assertThat(driver.vectorsOf(CELL)).extracting(vector -> vector.value(REQUESTS_1M)).containsExactly(1.0, 10.0);
      assertThat(driver.vectorsOf(CELL)).extracting(SupplyDemandSnapshot::eventTime)
          .containsExactly(at(s(1)).toEpochMilli(), at(s(1)).toEpochMilli() + 1);
    }
  }

  @Test
  void shouldFlushHeldBackChangesWithinTheFlushIntervalOneVectorPerCell() {
    long flush = SupplyDemandSettings.DEFAULT_FLUSH_INTERVAL.toMillis();
    try (SupplyDemandTestDriver driver = new SupplyDemandTestDriver()) {
      // given a cell that just emitted, so its next changes are held back
      driver.request(CELL, at(s(1)));

      // when more requests of the same second arrive, and half a flush interval passes
      for (int i = 0; i < 9; i++) {
        driver.request(CELL, at(s(1)));
      }
      driver.advanceWallClock(Duration.ofMillis(flush / 2));

      // then nothing was flushed yet
      assertThat(driver.vectorsOf(CELL)).hasSize(1);

      // when the flush interval (25 ms, not the 1-s rate limit) has passed
      driver.advanceWallClock(Duration.ofMillis(flush - flush / 2));

      // then the nine held-back changes went out coalesced into one vector
      assertThat(driver.vectorsOf(CELL)).extracting(vector -> vector.value(REQUESTS_1M)).containsExactly(1.0, 10.0);
    }
  }

  @Test
  void shouldArmTheFlushAgainWhenAChangeIsHeldAfterAQuietSpell() {
    long flush = SupplyDemandSettings.DEFAULT_FLUSH_INTERVAL.toMillis();
    try (SupplyDemandTestDriver driver = new SupplyDemandTestDriver()) {
      // given a cell whose held-back change was flushed
      driver.request(CELL, at(s(1)));
      driver.request(CELL, at(s(1)));
      driver.advanceWallClock(Duration.ofMillis(flush));
      assertThat(driver.vectorsOf(CELL)).hasSize(2);

      // when nothing is held for a while (off the flush's period), then a change is held again
      driver.advanceWallClock(Duration.ofMillis(3 * flush + 10));
      driver.request(CELL, at(s(1).plusMillis(500)));
      driver.advanceWallClock(Duration.ofMillis(flush - 5));

      // then it waits the whole flush interval from when it was held: the flush runs only while a change is held
      // (ADR 0038), so no period that kept running through the quiet spell cuts its coalescing short
      assertThat(driver.vectorsOf(CELL)).hasSize(2);
      driver.advanceWallClock(Duration.ofMillis(5));
      assertThat(driver.vectorsOf(CELL)).extracting(vector -> vector.value(REQUESTS_1M)).containsExactly(1.0, 2.0, 3.0);
    }
  }

  @Test
  void shouldRefreshAQuietCellBeforeItsRedisHashExpires() {
    try (SupplyDemandTestDriver driver = new SupplyDemandTestDriver()) {
      driver.ping("driver-1", CELL, DriverStatus.AVAILABLE, at(s(1)));
      driver.ping("driver-1", CELL, DriverStatus.AVAILABLE, at(s(2 * 60)));

      driver.ping("driver-1", CELL, DriverStatus.AVAILABLE, at(s(4 * 60)));
      driver.ping("driver-1", CELL, DriverStatus.AVAILABLE, at(s(6 * 60)));

      assertThat(driver.vectorsOf(CELL)).hasSize(2).allSatisfy(vector ->
          assertThat(vector.value(AVAILABLE_DRIVERS)).isEqualTo(1.0));
      assertThat(driver.latest(CELL).eventTime()).isGreaterThanOrEqualTo(at(s(5 * 60 + 1)).toEpochMilli());
    }
  }

  static byte[] bytes(java.nio.ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  static double[] values(SupplyDemandSnapshot vector, String... names) {
    double[] values = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      values[i] = vector.value(names[i]);
    }
    return values;
  }
}
