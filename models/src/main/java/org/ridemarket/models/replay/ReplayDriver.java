package org.ridemarket.models.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.simulator.output.EncodedEvent;

/**
 * A feature topology replaying recorded history on a TopologyTestDriver, for training jobs: one
 * thread, the caller's (in-memory) stores, at-least-once (a bounded replay has nothing to be
 * exactly-once about, and it is faster), and a mocked wall clock that starts at the first event and
 * follows event time, so that the topology's check against events from the future, its wall-clock
 * flushes and its sweeps judge history as they judged it live.
 */
public final class ReplayDriver implements AutoCloseable {

  private final String applicationId;
  private final Supplier<Topology> topology;
  private final Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
  private final Map<String, TestOutputTopic<String, ?>> outputs = new HashMap<>();
  private final Map<String, TestOutputTopic<byte[], byte[]>> discarded = new HashMap<>();
  private TopologyTestDriver driver;
  private long wallClock;

  /** A driver for the topology {@code topology} builds, started lazily at the first event. */
  public ReplayDriver(String applicationId, Supplier<Topology> topology) {
    this.applicationId = applicationId;
    this.topology = topology;
  }

  /** Pipes a recorded event, raw, into {@code topic}, after moving the wall clock up to its event time. */
  public void pipe(Topic<String, ?> topic, EncodedEvent event) {
    started(event.eventTimeMillis());
    if (event.eventTimeMillis() > wallClock) {
      advance(Duration.ofMillis(event.eventTimeMillis() - wallClock));
    }
    inputs.computeIfAbsent(topic.name(), name -> driver.createInputTopic(name, Serdes.String().serializer(),
            Serdes.ByteArray().serializer()))
        .pipeInput(new TestRecord<>(event.key(), event.value(), Instant.ofEpochMilli(event.eventTimeMillis())));
  }

  /** Moves the wall clock on, running due wall-clock punctuations; nothing before the first event. */
  public void advance(Duration duration) {
    if (driver != null) {
      driver.advanceWallClockTime(duration);
      wallClock += duration.toMillis();
    }
  }

  /** True once the first event was piped. */
  public boolean started() {
    return driver != null;
  }

  /** The records the topology wrote to {@code topic} since the last call, decoded; none before the first event. */
  public <V> List<KeyValue<String, V>> drain(Topic<String, V> topic) {
    if (driver == null) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    TestOutputTopic<String, V> output = (TestOutputTopic<String, V>) outputs.computeIfAbsent(topic.name(),
        name -> driver.createOutputTopic(name, new StringDeserializer(), topic.valueSerde().deserializer()));
    return output.readKeyValuesToList();
  }

  /**
   * Drops what the topology wrote to every topic the caller never drained (changelogs, repartition
   * topics, dead letters): the test driver keeps each produced record until it is read, which over a
   * long replay is most of the heap.
   */
  public void discardUndrained() {
    if (driver == null) {
      return;
    }
    for (String name : driver.producedTopicNames()) {
      if (!outputs.containsKey(name)) {
        TestOutputTopic<byte[], byte[]> output = discarded.computeIfAbsent(name,
            topic -> driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        while (!output.isEmpty()) {
          output.readRecord();
        }
      }
    }
  }

  private void started(long firstEventTime) {
    if (driver != null) {
      return;
    }
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    properties.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    properties.put(StreamsConfig.STATE_DIR_CONFIG,
        System.getProperty("java.io.tmpdir") + "/ridemarket-replay-" + UUID.randomUUID());
    wallClock = firstEventTime;
    driver = new TopologyTestDriver(topology.get(), properties, Instant.ofEpochMilli(wallClock));
  }

  @Override
  public void close() {
    if (driver != null) {
      driver.close();
    }
  }
}
