package org.ridemarket.models.oracle;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventFileReader;

/**
 * The input of a run, in the order the topologies would take it: every record of the input topics up to
 * their end offsets at the time of reading, or those of an event-time range, or a simulator event file, merged across partitions by record
 * timestamp while keeping each partition's own order, as a Kafka Streams task picks the partition whose next
 * record is oldest.
 */
public final class InputHistory {

  /** The topics the feature topologies read, the labels the velocity topology counts included. */
  public static final List<String> INPUT_TOPICS = List.of(Topics.RIDE_REQUESTS.name(), Topics.TRIP_EVENTS.name(),
      Topics.DRIVER_LOCATIONS.name(), Topics.PAYMENTS.name(), Topics.FRAUD_LABELS.name());

  /** The order partitions are merged in when their heads are equally old: by topic, then partition. */
  public static final Comparator<TopicPartition> PARTITION_ORDER =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

  private static final Duration POLL = Duration.ofMillis(500);

  private final String bootstrapServers;
  private final Map<TopicPartition, Long> read = new HashMap<>();

  /** The input topics on {@code bootstrapServers}, nothing read yet. */
  public InputHistory(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** Every record of the input topics on {@code bootstrapServers}, up to the end offsets read now. */
  public static List<EncodedEvent> fromKafka(String bootstrapServers, Duration timeout) {
    return new InputHistory(bootstrapServers).readNew(timeout);
  }

  /**
   * The records written since the last call (the first call: since the beginning), up to the end offsets read
   * now, merged. Successive calls continue a replay only when the later records are not older than the earlier
   * ones, which a run closed with {@link ClosingEvents} before the next one starts guarantees.
   */
  public List<EncodedEvent> readNew(Duration timeout) {
    Map<TopicPartition, ArrayDeque<EncodedEvent>> byPartition = new TreeMap<>(PARTITION_ORDER);
    try (KafkaConsumer<byte[], byte[]> consumer =
             new KafkaConsumer<>(properties(bootstrapServers), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = partitions(consumer, INPUT_TOPICS, timeout);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      read.forEach(consumer::seek);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      readTo(consumer, end, timeout, record -> byPartition.computeIfAbsent(
          new TopicPartition(record.topic(), record.partition()), p -> new ArrayDeque<>()).add(encoded(record)));
      read.putAll(end);
    }
    return merge(byPartition.values());
  }

  private static Properties properties(String bootstrapServers) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    // the topologies read committed records only; the simulator does not write in transactions
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    return properties;
  }

  private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, List<String> topics,
      Duration timeout) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      consumer.partitionsFor(topic, timeout)
          .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    }
    return partitions;
  }

  /** Polls the assigned partitions up to {@code end}, handing each record before it to {@code sink}. */
  private static void readTo(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end, Duration timeout,
      Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!reached(consumer, end)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("input topics not read to their end offsets " + end + " within " + timeout);
      }
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
          sink.accept(record);
        }
      }
    }
  }

  /**
   * The records of the input topics whose timestamps (the events' event times: the producers set them) lie in
   * [{@code from}, {@code to}), merged. Each partition is read from the offset Kafka's time index gives for
   * {@code from} ({@code offsetsForTimes}) to its end offset now; a partition with nothing at or after
   * {@code from} is skipped.
   */
  public static List<EncodedEvent> fromKafka(String bootstrapServers, Instant from, Instant to, Duration timeout) {
    return fromKafka(bootstrapServers, INPUT_TOPICS, from, to, timeout);
  }

  /** As {@link #fromKafka(String, Instant, Instant, Duration)}, of {@code topics} (e.g. with the labels). */
  public static List<EncodedEvent> fromKafka(String bootstrapServers, List<String> topics, Instant from, Instant to,
      Duration timeout) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("time range is empty: " + from + " .. " + to);
    }
    Map<TopicPartition, ArrayDeque<EncodedEvent>> byPartition = new TreeMap<>(PARTITION_ORDER);
    try (KafkaConsumer<byte[], byte[]> consumer =
             new KafkaConsumer<>(properties(bootstrapServers), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = partitions(consumer, topics, timeout);
      Map<TopicPartition, Long> times = new HashMap<>();
      partitions.forEach(partition -> times.put(partition, from.toEpochMilli()));
      Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(times, timeout);
      List<TopicPartition> reading = partitions.stream().filter(partition -> starts.get(partition) != null).toList();
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(reading, timeout));
      consumer.assign(reading);
      reading.forEach(partition -> consumer.seek(partition, starts.get(partition).offset()));
      readTo(consumer, end, timeout, record -> {
        // a partition's timestamps need not rise: the start offset is the first at or after from, not the last before
        if (record.timestamp() >= from.toEpochMilli() && record.timestamp() < to.toEpochMilli()) {
          byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
              p -> new ArrayDeque<>()).add(encoded(record));
        }
      });
    }
    return merge(byPartition.values());
  }

  /** The events of a simulator event file ({@code --out}), in the file's order (the simulator writes them by time). */
  public static List<EncodedEvent> fromEventFile(Path file) {
    return EventFileReader.readAll(file).stream().filter(event -> INPUT_TOPICS.contains(event.topic())).toList();
  }

  /**
   * Merges per-partition sequences into one, oldest head first, each partition's order kept; equally old heads go
   * in the order the partitions are given ({@link #PARTITION_ORDER} for every source here), so that the same
   * partitions merge the same way whichever source they were read from (payments share their second often).
   */
  public static List<EncodedEvent> merge(Iterable<ArrayDeque<EncodedEvent>> partitions) {
    List<Iterator<EncodedEvent>> cursors = new ArrayList<>();
    int total = 0;
    for (ArrayDeque<EncodedEvent> partition : partitions) {
      cursors.add(partition.iterator());
      total += partition.size();
    }
    List<EncodedEvent> merged = new ArrayList<>(total);
    merge(cursors, merged::add);
    return merged;
  }

  /** As {@link #merge(Iterable)}, streaming: each partition is read as the merge reaches it, never held whole. */
  public static void merge(List<? extends Iterator<EncodedEvent>> partitions, Consumer<EncodedEvent> sink) {
    final class Head {
      final int order;
      final Iterator<EncodedEvent> rest;
      EncodedEvent event;

      Head(int order, Iterator<EncodedEvent> rest) {
        this.order = order;
        this.rest = rest;
        this.event = rest.next();
      }
    }
    PriorityQueue<Head> heads = new PriorityQueue<>(
        Comparator.comparingLong((Head head) -> head.event.eventTimeMillis()).thenComparingInt(head -> head.order));
    for (int order = 0; order < partitions.size(); order++) {
      if (partitions.get(order).hasNext()) {
        heads.add(new Head(order, partitions.get(order)));
      }
    }
    while (!heads.isEmpty()) {
      Head oldest = heads.poll();
      sink.accept(oldest.event);
      if (oldest.rest.hasNext()) {
        oldest.event = oldest.rest.next();
        heads.add(oldest);
      }
    }
  }

  private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
      if (consumer.position(partition.getKey()) < partition.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static EncodedEvent encoded(ConsumerRecord<byte[], byte[]> record) {
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    return new EncodedEvent(record.topic(), key, record.key(), record.value(), record.timestamp());
  }
}
