package org.ridemarket.models.surge;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.contracts.features.SupplyDemandVector;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.topologies.supplydemand.SupplyDemandSettings;
import org.ridemarket.topologies.supplydemand.SupplyDemandTopology;

/**
 * Recorded history through the very topology feature-streams runs ({@link SupplyDemandTopology#build}),
 * bounded and in one thread on a TopologyTestDriver with in-memory stores; {@link #latest()} is what
 * the Redis hashes would hold at the current point of the replay, so rows sampled from it are
 * point-in-time correct.
 *
 * <p>The driver commits after every record, which caps it near 2,000 records/s. Driver pings are
 * by far the most records and most say nothing new, so a ping is piped only when the driver's
 * status or cell changed or a keep-alive period passed since its last piped ping. The keep-alive
 * is well inside the topology's driver-silence timeout, so the features are the same as from
 * every ping (a test checks this).
 */
public final class SupplyDemandReplay implements AutoCloseable {

  /** Shorter than the driver-silence timeout, so that a thinned driver never looks gone. */
  public static final Duration PING_KEEP_ALIVE = Duration.ofSeconds(60);

  private record Piped(String cell, String status, long eventTime) {
  }

  private final SupplyDemandSettings settings;
  private final Duration flushStep;
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> rides;
  private TestInputTopic<String, byte[]> trips;
  private TestInputTopic<String, byte[]> pings;
  private TestOutputTopic<String, SupplyDemandVector> features;
  private long wallClock;
  private final boolean thinPings;
  private final Map<String, Piped> lastPing = new HashMap<>();
  private final Map<String, SupplyDemandSnapshot> latest = new HashMap<>();
  private long piped;
  private long thinned;

  /** A replay with the feature-streams defaults, thinning pings. */
  public SupplyDemandReplay() {
    this(SupplyDemandSettings.defaults(), true);
  }

  /** A replay with {@code settings}; {@code thinPings} false pipes every ping (for the equivalence test). */
  public SupplyDemandReplay(SupplyDemandSettings settings, boolean thinPings) {
    this.settings = settings;
    this.flushStep = settings.minEmitInterval();
    this.thinPings = thinPings;
  }

  // The driver's mocked wall clock starts at the first event and follows event time, so that the
  // topology's check against events from the future judges history as it judged it live.
  private void start(long firstEventTime) {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "surge-training-replay");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    // a bounded replay from a file has nothing to be exactly-once about, and this is faster
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    properties.put(StreamsConfig.STATE_DIR_CONFIG,
        System.getProperty("java.io.tmpdir") + "/ridemarket-replay-" + UUID.randomUUID());
    wallClock = firstEventTime;
    driver = new TopologyTestDriver(SupplyDemandTopology.build(settings, Stores::inMemoryKeyValueStore), properties,
        Instant.ofEpochMilli(wallClock));
    var strings = Serdes.String().serializer();
    var bytes = Serdes.ByteArray().serializer();
    rides = driver.createInputTopic(Topics.RIDE_REQUESTS.name(), strings, bytes);
    trips = driver.createInputTopic(Topics.TRIP_EVENTS.name(), strings, bytes);
    pings = driver.createInputTopic(Topics.DRIVER_LOCATIONS.name(), strings, bytes);
    features = driver.createOutputTopic(Topics.SUPPLY_DEMAND_FEATURES.name(), new StringDeserializer(),
        Topics.SUPPLY_DEMAND_FEATURES.valueSerde().deserializer());
  }

  /** Feeds one recorded event; events of topics the topology does not read are ignored. */
  public void accept(EncodedEvent event) {
    if (driver == null) {
      start(event.eventTimeMillis());
    }
    TestInputTopic<String, byte[]> input;
    if (event.topic().equals(Topics.RIDE_REQUESTS.name())) {
      input = rides;
    } else if (event.topic().equals(Topics.TRIP_EVENTS.name())) {
      input = trips;
    } else if (event.topic().equals(Topics.DRIVER_LOCATIONS.name())) {
      if (thinPings && !newsIn(event)) {
        thinned++;
        return;
      }
      input = pings;
    } else {
      return;
    }
    if (event.eventTimeMillis() > wallClock) {
      driver.advanceWallClockTime(Duration.ofMillis(event.eventTimeMillis() - wallClock));
      wallClock = event.eventTimeMillis();
    }
    input.pipeInput(new TestRecord<>(event.key(), event.value(), Instant.ofEpochMilli(event.eventTimeMillis())));
    piped++;
  }

  /**
   * Each cell's newest vector so far, after letting the topology flush what its per-cell rate
   * limit held back (in production a wall-clock punctuation does that within a second).
   */
  public Map<String, SupplyDemandSnapshot> latest() {
    if (driver == null) {
      return Map.of();
    }
    driver.advanceWallClockTime(flushStep);
    wallClock += flushStep.toMillis();
    for (var record : features.readKeyValuesToList()) {
      latest.put(record.key, SupplyDemandSnapshot.fromAvro(record.value));
    }
    return Map.copyOf(latest);
  }

  /** Records piped into the topology. */
  public long piped() {
    return piped;
  }

  /** Pings left out because they told the topology nothing new. */
  public long thinned() {
    return thinned;
  }

  private boolean newsIn(EncodedEvent event) {
    DriverLocationUpdated ping = Topics.DRIVER_LOCATIONS.valueSerde().deserializer().deserialize(event.topic(),
        event.value());
    String driverId = ping.getDriverId();
    Piped previous = lastPing.get(driverId);
    Piped current = new Piped(ping.getCell(), ping.getStatus().name(), event.eventTimeMillis());
    if (previous != null && previous.cell().equals(current.cell()) && previous.status().equals(current.status())
        && current.eventTime() - previous.eventTime() < PING_KEEP_ALIVE.toMillis()) {
      return false;
    }
    lastPing.put(driverId, current);
    return true;
  }

  @Override
  public void close() {
    if (driver != null) {
      driver.close();
    }
  }
}
