package org.ridemarket.topologies.congestion;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.DriverStatus;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.features.CongestionSnapshot;
import org.ridemarket.contracts.features.CongestionVector;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.topologies.supplydemand.TestEvents;

/** The congestion topology on a TopologyTestDriver: typed pings and trips in, the vectors collected per cell. */
final class CongestionTestDriver implements AutoCloseable {

  /**
   * An hour-aligned start ten days back: tests span days of event time, which must stay behind the wall
   * clock (the timestamp extractor reads the real one).
   */
  static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(10));

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> pings;
  private final TestInputTopic<String, byte[]> trips;
  private final TestOutputTopic<String, CongestionVector> features;
  private final TestOutputTopic<String, DeadLetter> deadLetters;
  private final Map<String, List<CongestionSnapshot>> vectors = new LinkedHashMap<>();

  CongestionTestDriver() {
    this(CongestionSettings.defaults());
  }

  CongestionTestDriver(CongestionSettings settings) {
    // in-memory stores: the driver commits after every record, which would flush RocksDB every time
    driver = new TopologyTestDriver(CongestionTopology.build(settings, Stores::inMemoryKeyValueStore), properties(),
        Instant.now());
    pings = driver.createInputTopic(CongestionTopology.DRIVER_LOCATIONS, Serdes.String().serializer(),
        Serdes.ByteArray().serializer());
    trips = driver.createInputTopic(CongestionTopology.TRIP_EVENTS, Serdes.String().serializer(),
        Serdes.ByteArray().serializer());
    features = driver.createOutputTopic(CongestionTopology.FEATURES, Serdes.String().deserializer(),
        Topics.CONGESTION_FEATURES.valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(CongestionTopology.DEAD_LETTERS, Serdes.String().deserializer(),
        Topics.DEAD_LETTERS.valueSerde().deserializer());
  }

  private static Properties properties() {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "feature-streams-test");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, "target/topology-test-state/" + UUID.randomUUID());
    return properties;
  }

  /** Pipes a ping of a driver at a cell's centre, keyed by the driver as the app produces it. */
  void ping(String driverId, String cell, double speedMps, Instant eventTime) {
    DriverLocationUpdated ping = DriverLocationUpdated.newBuilder(
        TestEvents.ping(driverId, cell, TestEvents.centerOf(cell), DriverStatus.ON_TRIP, eventTime))
        .setSpeedMps(speedMps).build();
    pings.pipeInput(new TestRecord<>(driverId, Topics.DRIVER_LOCATIONS.valueSerde().serializer().serialize("t", ping),
        eventTime));
  }

  /** Pipes a trip completed at {@code eventTime}, picked up in {@code cell}, keyed by that cell. */
  void completedTrip(String cell, double distanceMeters, double durationSeconds, Instant eventTime) {
    trip(TripEvent.newBuilder(TestEvents.trip(cell, TripEventType.COMPLETED, eventTime))
        .setDistanceMeters(distanceMeters).setDurationSeconds(durationSeconds).build());
  }

  void trip(TripEvent trip) {
    trips.pipeInput(new TestRecord<>(trip.getPickupCell(),
        Topics.TRIP_EVENTS.valueSerde().serializer().serialize("t", trip), trip.getEventTime()));
  }

  void rawPing(String key, byte[] value, Instant timestamp) {
    pings.pipeInput(new TestRecord<>(key, value, timestamp));
  }

  /** Every vector emitted for a cell so far, oldest first. */
  List<CongestionSnapshot> vectorsOf(String cell) {
    for (TestRecord<String, CongestionVector> record : features.readRecordsToList()) {
      vectors.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(CongestionSnapshot.fromAvro(record.value()));
    }
    return vectors.getOrDefault(cell, List.of());
  }

  /** The newest vector of a cell; fails the test if there is none. */
  CongestionSnapshot latest(String cell) {
    List<CongestionSnapshot> emitted = vectorsOf(cell);
    if (emitted.isEmpty()) {
      throw new AssertionError("no vector for " + cell);
    }
    return emitted.get(emitted.size() - 1);
  }

  List<DeadLetter> deadLetters() {
    return deadLetters.readValuesToList();
  }

  KeyValueStore<String, CellCongestion> cellStore() {
    return driver.getKeyValueStore(CongestionTopology.CELL_STORE);
  }

  @Override
  public void close() {
    driver.close();
  }
}
