package org.ridemarket.topologies.velocity;

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
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.features.VelocityEntityType;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.features.VelocitySnapshot;
import org.ridemarket.contracts.features.VelocityVector;
import org.ridemarket.contracts.topics.Topics;

/** The velocity topology on a TopologyTestDriver, with typed payments in and the vectors collected per entity. */
final class VelocityTestDriver implements AutoCloseable {

  /**
   * A start forty days back, on a whole day (every tier's bucket edge): tests span up to 32 days of event time,
   * which must stay behind the wall clock (the timestamp extractor reads the real one).
   */
  static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(40));

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> payments;
  private final TestInputTopic<String, byte[]> labels;
  private final TestOutputTopic<String, VelocityVector> features;
  private final TestOutputTopic<String, DeadLetter> deadLetters;
  private final Map<String, List<VelocitySnapshot>> vectors = new LinkedHashMap<>();
  private final Map<String, List<Long>> timestamps = new LinkedHashMap<>();

  VelocityTestDriver() {
    this(VelocitySettings.defaults());
  }

  VelocityTestDriver(VelocitySettings settings) {
    // in-memory stores: the driver commits after every record, which would flush RocksDB every time
    driver = new TopologyTestDriver(VelocityTopology.build(settings, Stores::inMemoryKeyValueStore), properties(),
        Instant.now());
    payments = driver.createInputTopic(VelocityTopology.PAYMENTS, Serdes.String().serializer(),
        Serdes.ByteArray().serializer());
    labels = driver.createInputTopic(VelocityTopology.LABELS, Serdes.String().serializer(),
        Serdes.ByteArray().serializer());
    features = driver.createOutputTopic(VelocityTopology.FEATURES, Serdes.String().deserializer(),
        Topics.VELOCITY_FEATURES.valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(VelocityTopology.DEAD_LETTERS, Serdes.String().deserializer(),
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

  /** Pipes a payment keyed by its card, as the gateway produces it, at its event time. */
  void pay(PaymentAttempted payment) {
    payments.pipeInput(new TestRecord<>(payment.getCardFingerprint(),
        Topics.PAYMENTS.valueSerde().serializer().serialize("t", payment), payment.getEventTime()));
  }

  /** Pipes a label keyed by its transaction id, as chargebacks and analysts produce it, at its event time (arrival). */
  void label(FraudLabeled label) {
    labels.pipeInput(new TestRecord<>(label.getTransactionId(),
        Topics.FRAUD_LABELS.valueSerde().serializer().serialize("t", label), label.getEventTime()));
  }

  void raw(String key, byte[] value, Instant timestamp) {
    payments.pipeInput(new TestRecord<>(key, value, timestamp));
  }

  /** Every vector emitted for an entity so far, oldest first. */
  List<VelocitySnapshot> vectorsOf(VelocityEntityType type, String id) {
    drainFeatures();
    return vectors.getOrDefault(VelocityFeatures.recordKey(type, id), List.of());
  }

  /** The newest vector of an entity; fails the test if there is none. */
  VelocitySnapshot latest(VelocityEntityType type, String id) {
    List<VelocitySnapshot> emitted = vectorsOf(type, id);
    if (emitted.isEmpty()) {
      throw new AssertionError("no vector for " + VelocityFeatures.recordKey(type, id));
    }
    return emitted.get(emitted.size() - 1);
  }

  /** The record timestamps of an entity's vectors, oldest first. */
  List<Long> timestampsOf(VelocityEntityType type, String id) {
    drainFeatures();
    return timestamps.getOrDefault(VelocityFeatures.recordKey(type, id), List.of());
  }

  int vectorCount() {
    drainFeatures();
    return vectors.values().stream().mapToInt(List::size).sum();
  }

  List<DeadLetter> deadLetters() {
    return deadLetters.readValuesToList();
  }

  /** The dead letters as records, with the key they went out under. */
  List<TestRecord<String, DeadLetter>> deadLetterRecords() {
    return deadLetters.readRecordsToList();
  }

  KeyValueStore<String, EntityState> entityStore() {
    return driver.getKeyValueStore(VelocityTopology.ENTITY_STORE);
  }

  private void drainFeatures() {
    for (TestRecord<String, VelocityVector> record : features.readRecordsToList()) {
      vectors.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(VelocitySnapshot.fromAvro(record.value()));
      timestamps.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.timestamp());
    }
  }

  @Override
  public void close() {
    driver.close();
  }
}
