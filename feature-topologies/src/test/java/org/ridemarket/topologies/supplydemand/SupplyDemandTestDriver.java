package org.ridemarket.topologies.supplydemand;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.DriverStatus;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.contracts.features.SupplyDemandVector;
import org.ridemarket.contracts.topics.Topics;

/** The supply/demand topology on a TopologyTestDriver, with typed inputs and the outputs collected per cell. */
final class SupplyDemandTestDriver implements AutoCloseable {

  /** A bucket-aligned start an hour or two in the past, so that event times pass the wall-clock check. */
  static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> rides;
  private final TestInputTopic<String, byte[]> trips;
  private final TestInputTopic<String, byte[]> pings;
  private final TestOutputTopic<String, SupplyDemandVector> features;
  private final TestOutputTopic<String, DeadLetter> deadLetters;
  private final Map<String, List<SupplyDemandSnapshot>> vectors = new LinkedHashMap<>();

  SupplyDemandTestDriver() {
    this(SupplyDemandSettings.defaults());
  }

  SupplyDemandTestDriver(SupplyDemandSettings settings) {
    this(settings, null);
  }

  /** The live app's topology, whose vectors also go to {@code early} as they are emitted (ADR 0034). */
  SupplyDemandTestDriver(SupplyDemandSettings settings, BiConsumer<String, SupplyDemandVector> early) {
    StreamsBuilder builder = new StreamsBuilder();
    // in-memory stores: the driver commits after every record, which would flush RocksDB every time
    SupplyDemandTopology.addTo(builder, settings, Stores::inMemoryKeyValueStore, early);
    driver = new TopologyTestDriver(builder.build(), properties(), T0);
    var bytes = Serdes.ByteArray().serializer();
    var strings = Serdes.String().serializer();
    rides = driver.createInputTopic(SupplyDemandTopology.RIDE_REQUESTS, strings, bytes);
    trips = driver.createInputTopic(SupplyDemandTopology.TRIP_EVENTS, strings, bytes);
    pings = driver.createInputTopic(SupplyDemandTopology.DRIVER_LOCATIONS, strings, bytes);
    features = driver.createOutputTopic(SupplyDemandTopology.FEATURES, Serdes.String().deserializer(),
        Topics.SUPPLY_DEMAND_FEATURES.valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(SupplyDemandTopology.DEAD_LETTERS, Serdes.String().deserializer(),
        Topics.DEAD_LETTERS.valueSerde().deserializer());
  }

  static Properties properties() {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "feature-streams-test");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, "target/topology-test-state/" + UUID.randomUUID());
    return properties;
  }

  void request(String cell, Instant eventTime) {
    request(TestEvents.rideRequest(cell, eventTime), eventTime);
  }

  void request(RideRequested request, Instant timestamp) {
    rides.pipeInput(new TestRecord<>(request.getPickupCell(),
        Topics.RIDE_REQUESTS.valueSerde().serializer().serialize("t", request), timestamp));
  }

  void trip(String cell, TripEventType type, Instant eventTime) {
    TripEvent trip = TestEvents.trip(cell, type, eventTime);
    trips.pipeInput(new TestRecord<>(cell, Topics.TRIP_EVENTS.valueSerde().serializer().serialize("t", trip), eventTime));
  }

  void ping(String driverId, String cell, DriverStatus status, Instant eventTime) {
    ping(driverId, cell, TestEvents.centerOf(cell), status, eventTime);
  }

  void ping(String driverId, String cell, GeoPoint position, DriverStatus status, Instant eventTime) {
    DriverLocationUpdated ping = TestEvents.ping(driverId, cell, position, status, eventTime);
    pings.pipeInput(new TestRecord<>(driverId,
        Topics.DRIVER_LOCATIONS.valueSerde().serializer().serialize("t", ping), eventTime));
  }

  void rawRequest(String key, byte[] value, Instant timestamp) {
    rides.pipeInput(new TestRecord<>(key, value, timestamp));
  }

  void advanceWallClock(Duration duration) {
    driver.advanceWallClockTime(duration);
  }

  /** Every vector emitted for a cell so far, oldest first. */
  List<SupplyDemandSnapshot> vectorsOf(String cell) {
    drainFeatures();
    return vectors.getOrDefault(cell, List.of());
  }

  /** The newest vector of a cell, or null if none was emitted. */
  SupplyDemandSnapshot latest(String cell) {
    List<SupplyDemandSnapshot> emitted = vectorsOf(cell);
    return emitted.isEmpty() ? null : emitted.get(emitted.size() - 1);
  }

  int vectorCount() {
    drainFeatures();
    return vectors.values().stream().mapToInt(List::size).sum();
  }

  List<DeadLetter> deadLetters() {
    return deadLetters.readValuesToList();
  }

  private void drainFeatures() {
    for (var record : features.readKeyValuesToList()) {
      vectors.computeIfAbsent(record.key, cell -> new ArrayList<>())
          .add(SupplyDemandSnapshot.fromAvro(record.value));
    }
  }

  @Override
  public void close() {
    driver.close();
  }
}
