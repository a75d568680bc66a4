package org.ridemarket.topologies.congestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ridemarket.contracts.features.CongestionFeatures.CONGESTION_INDEX;
import static org.ridemarket.contracts.features.CongestionFeatures.FREE_FLOW_SPEED;
import static org.ridemarket.contracts.features.CongestionFeatures.MOVING_PINGS_15M;
import static org.ridemarket.contracts.features.CongestionFeatures.MOVING_PINGS_5M;
import static org.ridemarket.contracts.features.CongestionFeatures.SPEED_15M;
import static org.ridemarket.contracts.features.CongestionFeatures.SPEED_5M;
import static org.ridemarket.contracts.features.CongestionFeatures.TRIPS_15M;
import static org.ridemarket.contracts.features.CongestionFeatures.TRIPS_60M;
import static org.ridemarket.contracts.features.CongestionFeatures.TRIP_SPEED_15M;
import static org.ridemarket.contracts.features.CongestionFeatures.TRIP_SPEED_60M;
import static org.ridemarket.topologies.congestion.CongestionTestDriver.T0;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.features.CongestionSnapshot;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.topologies.supplydemand.TestEvents;

class CongestionTopologyTest {

  private static final String CELL = "882a100d65fffff";
  /** Where the test's clock driver moves: its pings advance stream time and so the sweep. */
  private static final String FAR = Cells.cellOf(40.6413, -73.7781);

  private static Instant at(Duration offset) {
    return T0.plus(offset);
  }

  private static Duration s(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  private static Duration m(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  /** Moves stream time to {@code time} with a moving ping elsewhere, which runs every sweep due by then. */
  private static void tick(CongestionTestDriver driver, Instant time) {
    driver.ping("clock", FAR, 20.0, time);
  }

  @Test
  void shouldAverageMovingDriversOverFiveAndFifteenMinutesAndLetTheWindowsSlide() {
    try (CongestionTestDriver driver = new CongestionTestDriver()) {
      // given two moving drivers in the first half minute
      driver.ping("a", CELL, 10.0, at(s(10)));
      driver.ping("b", CELL, 8.0, at(s(20)));
      tick(driver, at(s(30)));
      CongestionSnapshot first = driver.latest(CELL);
      assertThat(first.eventTime()).isEqualTo(at(s(30)).toEpochMilli());
      assertThat(first.value(SPEED_5M)).isEqualTo(9.0);
      assertThat(first.value(MOVING_PINGS_5M)).isEqualTo(2.0);
      assertThat(first.value(SPEED_15M)).isEqualTo(9.0);

      // when a slower one pings six minutes later, then the first two left the 5-minute window only
      driver.ping("c", CELL, 4.0, at(m(6).plusSeconds(5)));
      tick(driver, at(m(6).plusSeconds(30)));
      CongestionSnapshot second = driver.latest(CELL);
      assertThat(second.value(SPEED_5M)).isEqualTo(4.0);
      assertThat(second.value(MOVING_PINGS_5M)).isEqualTo(1.0);
      assertThat(second.value(SPEED_15M)).isCloseTo(22.0 / 3, within(1e-9));
      assertThat(second.value(MOVING_PINGS_15M)).isEqualTo(3.0);

      // and past fifteen minutes only the slow one is left, in the 15-minute window alone
      tick(driver, at(m(15).plusSeconds(30)));
      CongestionSnapshot third = driver.latest(CELL);
      assertThat(third.value(SPEED_15M)).isEqualTo(4.0);
      assertThat(third.value(MOVING_PINGS_15M)).isEqualTo(1.0);
      assertThat(third.value(SPEED_5M)).isNaN();
      assertThat(third.value(MOVING_PINGS_5M)).isZero();
      assertThat(driver.vectorsOf(CELL)).extracting(CongestionSnapshot::eventTime).isSorted().doesNotHaveDuplicates();
      assertThat(driver.deadLetters()).isEmpty();
    }
  }

  @Test
  void shouldLeaveStationaryDriversOutOfTheSpeeds() {
    try (CongestionTestDriver driver = new CongestionTestDriver()) {
      // given parked drivers whose GPS jitters, one at exactly the threshold, and one moving driver
      driver.ping("parked", CELL, 0.0, at(s(1)));
      driver.ping("jitter", CELL, 0.3, at(s(2)));
      driver.ping("threshold", CELL, 0.5, at(s(3)));
      driver.ping("moving", CELL, 6.0, at(s(4)));

      // when the sweep runs
      tick(driver, at(s(30)));

      // then only the moving one counts
      assertThat(driver.latest(CELL).value(SPEED_15M)).isEqualTo(6.0);
      assertThat(driver.latest(CELL).value(MOVING_PINGS_15M)).isEqualTo(1.0);
    }
  }

  @Test
  void shouldLearnTheFreeFlowSpeedAndLowerTheIndexWhenSpeedsDrop() {
    try (CongestionTestDriver driver = new CongestionTestDriver()) {
      // given no history yet, the free-flow speed is unknown and the index neutral
      driver.ping("d0", CELL, 12.0, at(s(1)));
      tick(driver, at(s(30)));
      assertThat(driver.latest(CELL).value(FREE_FLOW_SPEED)).isNaN();
      assertThat(driver.latest(CELL).value(CONGESTION_INDEX)).isEqualTo(1.0);

      // when 200 pings flow at 10 to 14 m/s over ten minutes
      for (int i = 0; i < 200; i++) {
        driver.ping("d" + i, CELL, 10.0 + i * 0.02, at(s(31 + 3 * i)));
      }
      tick(driver, at(m(10).plusSeconds(30)));

      // then the free-flow speed is their 85th percentile and the cell flows close to it
      CongestionSnapshot flowing = driver.latest(CELL);
      assertThat(flowing.value(FREE_FLOW_SPEED)).isCloseTo(13.4, within(0.1));
      assertThat(flowing.value(CONGESTION_INDEX)).isCloseTo(12.0 / 13.4, within(0.02));

      // and when the cell jams at 3 m/s, the free-flow speed holds and the index falls
      for (int i = 0; i < 20; i++) {
        driver.ping("j" + i, CELL, 3.0, at(m(30).plusSeconds(10 * i)));
      }
      tick(driver, at(m(35).plusSeconds(30)));
      CongestionSnapshot jammed = driver.latest(CELL);
      assertThat(jammed.value(SPEED_15M)).isEqualTo(3.0);
      assertThat(jammed.value(FREE_FLOW_SPEED)).isCloseTo(13.3, within(0.15));
      assertThat(jammed.value(CONGESTION_INDEX)).isLessThan(0.3)
          .isCloseTo(3.0 / jammed.value(FREE_FLOW_SPEED), within(1e-9));
    }
  }

  @Test
  void shouldAverageRealisedTripSpeedsAtThePickupCell() {
    try (CongestionTestDriver driver = new CongestionTestDriver()) {
      // given two completed trips (5 and 10 m/s) and steps of a trip that carry no speed
      driver.completedTrip(CELL, 3000, 600, at(m(1)));
      driver.completedTrip(CELL, 6000, 600, at(m(2)));
      TripEvent pickedUp = TestEvents.trip(CELL, TripEventType.PICKED_UP, at(m(2)));
      driver.trip(pickedUp);

      // when the sweep runs, then both count in both windows
      tick(driver, at(m(3)));
      CongestionSnapshot fresh = driver.latest(CELL);
      assertThat(fresh.value(TRIP_SPEED_15M)).isEqualTo(7.5);
      assertThat(fresh.value(TRIPS_15M)).isEqualTo(2.0);
      assertThat(fresh.value(TRIP_SPEED_60M)).isEqualTo(7.5);
      assertThat(fresh.value(SPEED_15M)).as("no driver pinged").isNaN();

      // twenty minutes on they left the 15-minute window, and after an hour the 60-minute one
      tick(driver, at(m(20)));
      assertThat(driver.latest(CELL).value(TRIP_SPEED_15M)).isNaN();
      assertThat(driver.latest(CELL).value(TRIPS_60M)).isEqualTo(2.0);
      tick(driver, at(m(63)));
      assertThat(driver.latest(CELL).value(TRIP_SPEED_60M)).isNaN();
      assertThat(driver.latest(CELL).value(TRIPS_60M)).isZero();
      assertThat(driver.deadLetters()).isEmpty();
    }
  }

  @Test
  void shouldCountALatePingWithinGrace() {
    try (CongestionTestDriver driver = new CongestionTestDriver()) {
      // given a ping counted by the sweep at 90 s
      driver.ping("a", CELL, 10.0, at(s(60)));
      tick(driver, at(s(90)));
      assertThat(driver.latest(CELL).value(MOVING_PINGS_5M)).isEqualTo(1.0);

      // when a ping from 50 s earlier arrives (within the 2-minute grace)
      driver.ping("b", CELL, 20.0, at(s(40)));
      tick(driver, at(s(120)));

      // then the next vector counts it
      assertThat(driver.latest(CELL).value(MOVING_PINGS_5M)).isEqualTo(2.0);
      assertThat(driver.latest(CELL).value(SPEED_5M)).isEqualTo(15.0);
      assertThat(driver.deadLetters()).isEmpty();
    }
  }

  @Test
  void shouldCountATripLateByExactlyTheGraceAndDeadLetterOneAMillisecondLater() {
    try (CongestionTestDriver driver = new CongestionTestDriver()) {
      // given stream time at ten minutes
      tick(driver, at(m(10)));

      // when a trip completed exactly the 2-minute grace ago arrives, then one completed a millisecond before that
      driver.completedTrip(CELL, 3000, 600, at(m(8)));
      driver.completedTrip(CELL, 6000, 600, at(m(8)).minusMillis(1));

      // then the first counts at the next sweep and the second is TOO_LATE, from the trips topic
      List<DeadLetter> dead = driver.deadLetters();
      assertThat(dead).extracting(DeadLetter::getReason).containsExactly("TOO_LATE");
      assertThat(dead.get(0).getSourceTopic()).isEqualTo("trips.events");
      tick(driver, at(m(10).plusSeconds(30)));
      assertThat(driver.latest(CELL).value(TRIPS_15M)).isEqualTo(1.0);
      assertThat(driver.latest(CELL).value(TRIP_SPEED_15M)).isEqualTo(5.0);
    }
  }

  @Test
  void shouldDeadLetterTooLateAndMalformedRecordsAndKeepGoing() {
    try (CongestionTestDriver driver = new CongestionTestDriver()) {
      // given stream time at ten minutes
      tick(driver, at(m(10)));

      // when a ping nine minutes late, bytes that are no event, a NaN speed and a completed trip without a
      // duration arrive
      driver.ping("late", CELL, 10.0, at(m(1)));
      driver.rawPing("garbage", "not avro".getBytes(StandardCharsets.UTF_8), at(m(10)));
      driver.ping("nan", CELL, Double.NaN, at(m(10)));
      driver.trip(TripEvent.newBuilder(TestEvents.trip(CELL, TripEventType.COMPLETED, at(m(10))))
          .setDistanceMeters(1000.0).build());

      // then each is a dead letter with its reason, naming the field
      List<DeadLetter> dead = driver.deadLetters();
      assertThat(dead).extracting(DeadLetter::getReason)
          .containsExactly("TOO_LATE", "DESERIALIZATION_FAILED", "IMPOSSIBLE_VALUE", "INVALID");
      assertThat(dead.get(2).getDetail()).startsWith("speedMps:");
      assertThat(dead.get(3).getDetail()).startsWith("durationSeconds:");
      assertThat(dead.get(3).getSourceTopic()).isEqualTo("trips.events");

      // and the next good ping still counts, alone
      driver.ping("good", CELL, 7.0, at(m(10).plusSeconds(5)));
      tick(driver, at(m(10).plusSeconds(30)));
      assertThat(driver.latest(CELL).value(SPEED_15M)).isEqualTo(7.0);
      assertThat(driver.latest(CELL).value(MOVING_PINGS_15M)).isEqualTo(1.0);
    }
  }

  @Test
  void shouldEmitACellAtMostOncePerSweepHoweverBusy() {
    try (CongestionTestDriver driver = new CongestionTestDriver()) {
      // given a first vector at the first sweep
      driver.ping("first", CELL, 9.0, at(s(1)));
      tick(driver, at(s(30)));
      int before = driver.vectorsOf(CELL).size();
      assertThat(before).isEqualTo(1);

      // when a hundred pings arrive within the next sweep interval
      for (int i = 0; i < 100; i++) {
        driver.ping("d" + i, CELL, 9.0 + i * 0.01, at(s(31)).plusMillis(250L * i));
      }
      tick(driver, at(s(60)));

      // then the cell got one more vector, holding all of them
      assertThat(driver.vectorsOf(CELL)).hasSize(before + 1);
      assertThat(driver.latest(CELL).value(MOVING_PINGS_5M)).isEqualTo(101.0);
    }
  }

  @Test
  void shouldForgetACellIdleForTheIdleTimeout() {
    CongestionSettings defaults = CongestionSettings.defaults();
    CongestionSettings settings = new CongestionSettings(defaults.grace(), defaults.maxFutureSkew(),
        defaults.movingSpeedMps(), defaults.sweepInterval(), defaults.refreshInterval(), Duration.ofHours(2),
        defaults.freeFlowHalfLife(), defaults.freeFlowMinWeight());
    try (CongestionTestDriver driver = new CongestionTestDriver(settings)) {
      // given a cell with one ping
      driver.ping("a", CELL, 10.0, at(s(1)));

      // when its windows empty, then it emits the empty vector once and stays remembered
      tick(driver, at(m(16)));
      tick(driver, at(m(60)));
      assertThat(driver.latest(CELL).value(MOVING_PINGS_15M)).isZero();
      assertThat(driver.latest(CELL).value(CONGESTION_INDEX)).isEqualTo(1.0);
      int emitted = driver.vectorsOf(CELL).size();
      assertThat(driver.cellStore().get(CELL)).isNotNull();

      // and once it was idle for two hours it is forgotten, without another vector
      tick(driver, at(Duration.ofHours(2).plusSeconds(30)));
      assertThat(driver.cellStore().get(CELL)).isNull();
      assertThat(driver.vectorsOf(CELL)).hasSize(emitted);
      try (KeyValueIterator<String, CellCongestion> all = driver.cellStore().all()) {
        assertThat(all).toIterable().extracting(entry -> entry.key).containsExactly(FAR);
      }
    }
  }
}
