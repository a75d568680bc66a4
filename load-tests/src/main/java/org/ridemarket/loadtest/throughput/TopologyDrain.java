package org.ridemarket.loadtest.throughput;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.ridemarket.loadtest.bench.Machine;

/**
 * Runs one topology as its own Kafka Streams application, configured as feature-streams runs it
 * (exactly-once v2, 10-ms commits and polls, one stream thread, RocksDB stores, a 16 MB record cache), on input
 * that is already in its topics, and times it from RUNNING until its committed input offsets reach the
 * topics' ends. The rate between 10 % and 90 % of the input leaves start-up and the last commit out.
 */
final class TopologyDrain {

  private static final Duration SAMPLE = Duration.ofMillis(100);
  private static final Duration TIMEOUT = Duration.ofMinutes(20);

  private TopologyDrain() {
  }

  /** What one drain measured. */
  record Result(String name, long records, double runningToDrainedSeconds, double steadyRecordsPerSecond,
      String loadAverageAfter) {

    double recordsPerSecond() {
      return records / runningToDrainedSeconds;
    }
  }

  /** Drains {@code inputTopics} through {@code topology} under a fresh application id. */
  static Result drain(String name, Supplier<Topology> topology, List<String> inputTopics, String bootstrapServers,
      Path stateDir) throws InterruptedException, ExecutionException {
    String applicationId = "throughput-" + name + "-" + Long.toString(System.currentTimeMillis(), 36);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      Map<TopicPartition, Long> ends = endOffsets(admin, inputTopics);
      long total = ends.values().stream().mapToLong(Long::longValue).sum();
      try (KafkaStreams streams = new KafkaStreams(topology.get(), properties(applicationId, bootstrapServers,
          stateDir))) {
        streams.start();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
          check(streams, deadline, name);
          Thread.sleep(10);
        }
        long running = System.nanoTime();
        long tenPercentAt = -1;
        long ninetyPercentAt = -1;
        long done;
        while ((done = committed(admin, applicationId, ends.keySet())) < total) {
          long now = System.nanoTime();
          if (tenPercentAt < 0 && done >= total / 10) {
            tenPercentAt = now;
          }
          if (ninetyPercentAt < 0 && done >= total * 9 / 10) {
            ninetyPercentAt = now;
          }
          check(streams, deadline, name);
          Thread.sleep(SAMPLE.toMillis());
        }
        long drained = System.nanoTime();
        ninetyPercentAt = ninetyPercentAt < 0 ? drained : ninetyPercentAt;
        tenPercentAt = tenPercentAt < 0 ? running : tenPercentAt;
        double steady = ninetyPercentAt > tenPercentAt
            ? (total * 0.8) / ((ninetyPercentAt - tenPercentAt) / 1e9) : Double.NaN;
        return new Result(name, total, (drained - running) / 1e9, steady, Machine.loadAverage());
      }
    }
  }

  private static void check(KafkaStreams streams, long deadline, String name) {
    if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.PENDING_ERROR) {
      throw new IllegalStateException(name + " failed: Kafka Streams is in state " + streams.state());
    }
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException(name + " did not drain its input within " + TIMEOUT);
    }
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values().stream()
        .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
    return admin.listOffsets(latest).all().get().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
  }

  private static long committed(Admin admin, String groupId, Set<TopicPartition> inputs)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
    return offsets.entrySet().stream().filter(entry -> inputs.contains(entry.getKey()) && entry.getValue() != null)
        .mapToLong(entry -> entry.getValue().offset()).sum();
  }

  private static Properties properties(String applicationId, String bootstrapServers, Path stateDir) {
    Properties properties = new Properties();
    // as feature-streams' application.properties sets them (kafka-streams.*)
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.getLong("throughput.commit-interval-ms", 10));
    properties.put(StreamsConfig.POLL_MS_CONFIG, Long.getLong("throughput.poll-ms", 10));
    properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(applicationId).toString());
    properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
    properties.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    return properties;
  }
}
