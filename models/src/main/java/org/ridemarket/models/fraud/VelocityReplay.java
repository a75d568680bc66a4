package org.ridemarket.models.fraud;

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
import org.ridemarket.contracts.features.VelocitySnapshot;
import org.ridemarket.contracts.features.VelocityVector;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.topologies.velocity.VelocitySettings;
import org.ridemarket.topologies.velocity.VelocityTopology;

/**
 * Recorded payments through the very topology feature-streams runs ({@link VelocityTopology#build}), in one
 * thread on a TopologyTestDriver with in-memory stores; {@link #latest(String)} is what the entity's Redis
 * hash would hold at the current point of the replay (newest event time wins, as the sink's writes do, and
 * a hash not written for {@link #REDIS_TTL} has expired).
 */
public final class VelocityReplay implements AutoCloseable {

  /** The velocity sink's default hash TTL (features.velocity.redis-sink.ttl): an older vector is gone. */
  public static final Duration REDIS_TTL = Duration.ofHours(25);

  private final VelocitySettings settings;
  private final Map<String, VelocitySnapshot> latest = new HashMap<>();
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> payments;
  private TestOutputTopic<String, VelocityVector> features;
  private long wallClock;
  private long piped;

  /** A replay with the feature-streams defaults. */
  public VelocityReplay() {
    this(VelocitySettings.defaults());
  }

  /** A replay with {@code settings}. */
  public VelocityReplay(VelocitySettings settings) {
    this.settings = settings;
  }

  // The driver's mocked wall clock follows event time, so that the topology's check against payments from
  // the future, and its idle sweep, judge history as they judged it live.
  private void start(long firstEventTime) {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "fraud-training-replay");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    // a bounded replay has nothing to be exactly-once about, and this is faster
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    properties.put(StreamsConfig.STATE_DIR_CONFIG,
        System.getProperty("java.io.tmpdir") + "/ridemarket-replay-" + UUID.randomUUID());
    wallClock = firstEventTime;
    driver = new TopologyTestDriver(VelocityTopology.build(settings, Stores::inMemoryKeyValueStore), properties,
        Instant.ofEpochMilli(wallClock));
    payments = driver.createInputTopic(Topics.PAYMENTS.name(), Serdes.String().serializer(),
        Serdes.ByteArray().serializer());
    features = driver.createOutputTopic(Topics.VELOCITY_FEATURES.name(), new StringDeserializer(),
        Topics.VELOCITY_FEATURES.valueSerde().deserializer());
  }

  /** Feeds one recorded event; events of other topics than payments are ignored. */
  public void accept(EncodedEvent event) {
    if (!event.topic().equals(Topics.PAYMENTS.name())) {
      return;
    }
    if (driver == null) {
      start(event.eventTimeMillis());
    }
    if (event.eventTimeMillis() > wallClock) {
      driver.advanceWallClockTime(Duration.ofMillis(event.eventTimeMillis() - wallClock));
      wallClock = event.eventTimeMillis();
    }
    payments.pipeInput(new TestRecord<>(event.key(), event.value(), Instant.ofEpochMilli(event.eventTimeMillis())));
    piped++;
  }

  /**
   * The entity's vector as Redis would serve it at {@code time} (epoch millis), from what the topology has
   * emitted so far; null if it never emitted one or the hash has expired.
   */
  public VelocitySnapshot latest(String recordKey, long time) {
    if (driver != null) {
      for (var record : features.readKeyValuesToList()) {
        VelocitySnapshot vector = VelocitySnapshot.fromAvro(record.value);
        VelocitySnapshot stored = latest.get(record.key);
        // the sink writes only forward in event time
        if (stored == null || vector.eventTime() > stored.eventTime()) {
          latest.put(record.key, vector);
        }
      }
    }
    VelocitySnapshot vector = latest.get(recordKey);
    return vector == null || time - vector.eventTime() > REDIS_TTL.toMillis() ? null : vector;
  }

  /** Payments piped into the topology. */
  public long piped() {
    return piped;
  }

  @Override
  public void close() {
    if (driver != null) {
      driver.close();
    }
  }
}
