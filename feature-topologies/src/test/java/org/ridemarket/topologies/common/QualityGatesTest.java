package org.ridemarket.topologies.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.DriverStatus;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.topologies.supplydemand.TestEvents;
import org.ridemarket.topologies.velocity.TestPayments;

/**
 * Every quality gate of {@link CheckedInput} on the four input topics, each catching its bad input while
 * the good input beside it passes: the inputs are read with the rules the topologies use, through the
 * same processor, and what was accepted or dead-lettered is collected.
 */
class QualityGatesTest {

  private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
  private static final Duration GRACE = Duration.ofMinutes(2);
  private static final String CELL = "882a100d65fffff";
  /** Buenos Aires: a valid cell, far outside the New York service area. */
  private static final String ELSEWHERE = Cells.cellOf(-34.6037, -58.3816);

  private TopologyTestDriver driver;
  private TestOutputTopic<String, DeadLetter> deadLetters;
  private TestOutputTopic<String, String> accepted;

  @BeforeEach
  void start() {
    StreamsBuilder builder = new StreamsBuilder();
    accept(builder, Topics.RIDE_REQUESTS, InputRules.rideRequests(), "rides");
    accept(builder, Topics.TRIP_EVENTS, InputRules.tripSpeeds(), "trips");
    accept(builder, Topics.DRIVER_LOCATIONS, InputRules.driverSpeeds(), "pings");
    accept(builder, Topics.PAYMENTS, InputRules.payments(), "payments");
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "quality-gates-test");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    properties.put(StreamsConfig.STATE_DIR_CONFIG, "target/topology-test-state/" + UUID.randomUUID());
    driver = new TopologyTestDriver(builder.build(), properties, T0.plus(Duration.ofMinutes(10)));
    deadLetters = driver.createOutputTopic("dead", Serdes.String().deserializer(),
        Topics.DEAD_LETTERS.valueSerde().deserializer());
    accepted = driver.createOutputTopic("accepted", Serdes.String().deserializer(), Serdes.String().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private static <V> void accept(StreamsBuilder builder, Topic<String, V> topic, InputRules<V> rules, String name) {
    CheckedInput<V> input = CheckedInput.read(builder, topic, rules, GRACE, Duration.ofHours(1),
        Stores::inMemoryKeyValueStore, name);
    input.accepted().mapValues(event -> topic.name()).to("accepted", Produced.with(Serdes.String(), Serdes.String()));
    input.rejected().selectKey(DeadLetters::recordKey)
        .to("dead", Produced.with(Serdes.String(), Topics.DEAD_LETTERS.valueSerde()));
  }

  @Test
  void shouldRefuseAnOversizedPayloadBeforeDecodingIt() {
    RideRequested padded = TestEvents.rideRequest(CELL, T0);
    padded.put("riderId", "r".repeat(InputRules.MAX_PAYLOAD_BYTES));

    send(Topics.RIDE_REQUESTS, CELL, padded);
    send(Topics.RIDE_REQUESTS, CELL, TestEvents.rideRequest(CELL, T0));

    assertThat(reasons()).containsExactly("OVERSIZED value: " + bytes(padded).length + " bytes, more than the 4096 "
        + "bytes an event of rides.requests may have");
    assertThat(accepted.readValuesToList()).containsExactly("rides.requests");
  }

  @Test
  void shouldRefuseBytesThatAreNotAnEvent() {
    pipe(Topics.TRIP_EVENTS.name(), CELL, new byte[] {1, 2, 3}, T0);

    assertThat(reasons()).singleElement().asString().startsWith("DESERIALIZATION_FAILED ");
  }

  @Test
  void shouldRefuseImpossibleSpeedsAndAmountsButKeepPossibleOnes() {
    DriverLocationUpdated fast = TestEvents.ping("d-1", CELL, TestEvents.centerOf(CELL), DriverStatus.AVAILABLE, T0);
    fast.put("speedMps", 95.0);
    DriverLocationUpdated normal = TestEvents.ping("d-2", CELL, TestEvents.centerOf(CELL), DriverStatus.AVAILABLE, T0);
    normal.put("speedMps", 14.0);
    TripEvent teleport = completed(T0, 50_000, 60);
    PaymentAttempted huge = TestPayments.payment("fp-1", "u-1", "dev-1", 10_000_001, T0);
    PaymentAttempted negative = TestPayments.payment("fp-1", "u-1", "dev-1", -5, T0);
    PaymentAttempted zero = TestPayments.payment("fp-1", "u-1", "dev-1", 0, T0);

    send(Topics.DRIVER_LOCATIONS, "d-1", fast);
    send(Topics.DRIVER_LOCATIONS, "d-2", normal);
    send(Topics.TRIP_EVENTS, CELL, teleport);
    send(Topics.TRIP_EVENTS, CELL, completed(T0, 3_000, 600));
    send(Topics.PAYMENTS, "fp-1", huge);
    send(Topics.PAYMENTS, "fp-1", negative);
    send(Topics.PAYMENTS, "fp-1", zero);

    assertThat(reasons()).containsExactly(
        "IMPOSSIBLE_VALUE speedMps: 95.0 is not a speed in 0..70.0 m/s",
        "IMPOSSIBLE_VALUE distanceMeters/durationSeconds: 833.3333333333334 is not a speed in 0..70.0 m/s"
            + " (50000.0 m in 60.0 s)",
        "IMPOSSIBLE_VALUE amountMinor: 10000001 is more than any ride costs (10000000 minor units)",
        "IMPOSSIBLE_VALUE amountMinor: -5 is negative");
    assertThat(accepted.readValuesToList()).containsExactly("drivers.locations", "trips.events", "payments.events");
  }

  @Test
  void shouldRefusePickupsAndDriversOutsideTheServiceAreaButNotFarAwayPayments() {
    send(Topics.RIDE_REQUESTS, ELSEWHERE, TestEvents.rideRequest(ELSEWHERE, T0));
    send(Topics.TRIP_EVENTS, ELSEWHERE, TestEvents.trip(ELSEWHERE, TripEventType.REQUESTED, T0));
    send(Topics.DRIVER_LOCATIONS, "d-1",
        TestEvents.ping("d-1", ELSEWHERE, TestEvents.centerOf(ELSEWHERE), DriverStatus.AVAILABLE, T0));
    PaymentAttempted abroad = TestPayments.payment("fp-1", "u-1", "dev-1", 1_000, TestEvents.centerOf(ELSEWHERE), T0);
    send(Topics.PAYMENTS, "fp-1", abroad);
    send(Topics.RIDE_REQUESTS, CELL, TestEvents.rideRequest(CELL, T0));

    String outside = "' lies in region " + Cells.regionOf(ELSEWHERE) + ", outside the service area [832a10fffffffff]";
    assertThat(reasons()).containsExactly(
        "OUT_OF_SERVICE_AREA pickupCell: '" + ELSEWHERE + outside,
        "OUT_OF_SERVICE_AREA pickupCell: '" + ELSEWHERE + outside,
        "OUT_OF_SERVICE_AREA cell: '" + ELSEWHERE + outside);
    assertThat(accepted.readValuesToList()).containsExactly("payments.events", "rides.requests");
  }

  @Test
  void shouldRefuseAnEventTimeTooFarAheadOfTheWallClockAndOneTooFarBehindStreamTime() {
    // over an hour ahead of the test driver's wall clock and of the real one, which the timestamp extractor reads
    send(Topics.RIDE_REQUESTS, CELL, TestEvents.rideRequest(CELL, Instant.now().plus(Duration.ofHours(2))));
    send(Topics.RIDE_REQUESTS, CELL, TestEvents.rideRequest(CELL, T0.plus(Duration.ofMinutes(5))));
    // stream time is T0 + 5 min (the future record did not move it): 2 minutes of grace reach back to T0 + 3 min
    send(Topics.RIDE_REQUESTS, CELL, TestEvents.rideRequest(CELL, T0.plus(Duration.ofMinutes(3)).minusMillis(1)));
    send(Topics.RIDE_REQUESTS, CELL, TestEvents.rideRequest(CELL, T0.plus(Duration.ofMinutes(3))));

    assertThat(reasons()).extracting(line -> line.substring(0, line.indexOf(' ')))
        .containsExactly("FUTURE_EVENT_TIME", "TOO_LATE");
    assertThat(accepted.readValuesToList()).hasSize(2);
  }

  @Test
  void shouldRefuseADuplicateEventIdWithinTheGraceOnEveryInput() {
    RideRequested request = TestEvents.rideRequest(CELL, T0);
    TripEvent trip = TestEvents.trip(CELL, TripEventType.REQUESTED, T0);
    DriverLocationUpdated ping = TestEvents.ping("d-1", CELL, TestEvents.centerOf(CELL), DriverStatus.AVAILABLE, T0);
    PaymentAttempted payment = TestPayments.payment("fp-1", "u-1", "dev-1", 1_000, T0);
    for (int copy = 0; copy < 2; copy++) {
      send(Topics.RIDE_REQUESTS, CELL, request);
      send(Topics.TRIP_EVENTS, CELL, trip);
      send(Topics.DRIVER_LOCATIONS, "d-1", ping);
      send(Topics.PAYMENTS, "fp-1", payment);
    }
    // another event with the same id but another event time is not a copy of the first
    RideRequested sameIdLater = RideRequested.newBuilder(request).setEventTime(T0.plusSeconds(1)).build();
    send(Topics.RIDE_REQUESTS, CELL, sameIdLater);

    assertThat(reasons()).containsExactly(
        "DUPLICATE eventId: " + request.getEventId() + " at " + T0 + " was accepted already from rides.requests",
        "DUPLICATE eventId: " + trip.getEventId() + " at " + T0 + " was accepted already from trips.events",
        "DUPLICATE eventId: " + ping.getEventId() + " at " + T0 + " was accepted already from drivers.locations",
        "DUPLICATE eventId: " + payment.getEventId() + " at " + T0 + " was accepted already from payments.events");
    assertThat(accepted.readValuesToList()).hasSize(5);
  }

  @Test
  void shouldForgetAnAcceptedIdOnceItsCopyWouldBeTooLateAnyway() {
    RideRequested request = TestEvents.rideRequest(CELL, T0);
    send(Topics.RIDE_REQUESTS, CELL, request);
    // stream time moves 3 minutes on: the copy is judged TOO_LATE, and the id store no longer holds it
    RideRequested later = TestEvents.rideRequest(CELL, T0.plus(Duration.ofMinutes(3)));
    send(Topics.RIDE_REQUESTS, CELL, later);
    send(Topics.RIDE_REQUESTS, CELL, request);

    assertThat(reasons()).extracting(line -> line.substring(0, line.indexOf(' '))).containsExactly("TOO_LATE");
    KeyValueStore<Bytes, byte[]> ids = driver.getKeyValueStore("rides-event-ids");
    try (var all = ids.all()) {
      assertThat(all).toIterable().extracting(entry -> entry.key)
          .containsExactly(DecodeProcessor.seenKey(later.getEventTime().toEpochMilli(), later.getEventId()));
    }
  }

  @Test
  void shouldGiveEveryGateItsOwnReason() {
    assertThat(DeadLetters.REASONS).doesNotHaveDuplicates().containsExactly("OVERSIZED", "DESERIALIZATION_FAILED",
        "INVALID", "IMPOSSIBLE_VALUE", "OUT_OF_SERVICE_AREA", "FUTURE_EVENT_TIME", "TOO_LATE", "DUPLICATE");
  }

  private static TripEvent completed(Instant at, double meters, double seconds) {
    TripEvent trip = TestEvents.trip(CELL, TripEventType.COMPLETED, at);
    trip.put("distanceMeters", meters);
    trip.put("durationSeconds", seconds);
    return trip;
  }

  private <V> void send(Topic<String, V> topic, String key, V event) {
    pipe(topic.name(), key, bytes(topic, event), eventTimeOf(event));
  }

  private static Instant eventTimeOf(Object event) {
    return (Instant) ((GenericRecord) event).get("eventTime");
  }

  private static byte[] bytes(RideRequested request) {
    return bytes(Topics.RIDE_REQUESTS, request);
  }

  private static <V> byte[] bytes(Topic<String, V> topic, V event) {
    return topic.valueSerde().serializer().serialize(topic.name(), event);
  }

  private void pipe(String topic, String key, byte[] value, Instant timestamp) {
    TestInputTopic<String, byte[]> input = driver.createInputTopic(topic, Serdes.String().serializer(),
        Serdes.ByteArray().serializer());
    input.pipeInput(new TestRecord<>(key, value, timestamp));
  }

  /** "REASON detail" of every dead letter so far. */
  private List<String> reasons() {
    return deadLetters.readValuesToList().stream().map(letter -> letter.getReason() + " " + letter.getDetail())
        .toList();
  }
}
