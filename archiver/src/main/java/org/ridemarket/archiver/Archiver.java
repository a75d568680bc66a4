package org.ridemarket.archiver;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.ridemarket.contracts.topics.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies every partition of the archived topics into the raw zone: polls, buffers per partition, and every
 * flush interval (or when the buffer is full) writes each partition's batch and commits it in the raw zone
 * (see {@link RawZone}). The raw zone, not Kafka, decides where to resume, so a restart after any crash
 * neither loses nor repeats a record; the consumer group's offsets are committed after the files, only so
 * that lag can be watched. Partitions are assigned, not subscribed: one archiver owns its topics.
 */
final class Archiver {

  private static final Logger LOG = LoggerFactory.getLogger(Archiver.class);

  /** How often and how much to flush. */
  record Settings(Duration flushInterval, int maxBufferedRecords) {
  }

  private final Consumer<byte[], byte[]> consumer;
  private final RawZone zone;
  private final ParquetBatch batches;
  private final Map<String, Deserializer<?>> deserializers = new HashMap<>();
  private final Settings settings;
  private final Clock clock;
  private final Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> buffer = new LinkedHashMap<>();
  private final Map<String, Long> archived = new TreeMap<>();
  private volatile boolean stopping;
  private volatile long archivedTotal;
  private int buffered;
  private long undecodable;

  Archiver(Consumer<byte[], byte[]> consumer, RawZone zone, List<Topic<String, ?>> topics, Settings settings,
      Clock clock) {
    this.consumer = consumer;
    this.zone = zone;
    this.batches = new ParquetBatch(zone);
    this.settings = settings;
    this.clock = clock;
    topics.forEach(topic -> deserializers.put(topic.name(), topic.valueSerde().deserializer()));
  }

  /** Assigns every partition of the topics and positions each after its last committed batch. */
  void start() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : deserializers.keySet()) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("topic " + topic + " does not exist");
      }
      infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
    }
    consumer.assign(partitions);
    Map<TopicPartition, Long> next = zone.recover(partitions);
    List<TopicPartition> fresh = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      Long offset = next.get(partition);
      if (offset == null) {
        fresh.add(partition);
      } else {
        consumer.seek(partition, offset);
      }
    }
    // never with an empty list: Kafka reads that as "every assigned partition"
    if (!fresh.isEmpty()) {
      consumer.seekToBeginning(fresh);
    }
    LOG.info("archiving {} partitions of {} into {} ({} resumed from the raw zone)", partitions.size(),
        deserializers.keySet(), zone.root(), next.size());
  }

  /** Polls and archives until {@link #stop()}; the records buffered then are flushed before it returns. */
  void run() {
    runUntil(() -> stopping);
  }

  /**
   * Archives every record before the end offsets of the assigned partitions read now (for a read_committed
   * consumer, the last stable offsets), commits them and returns: a one-off copy of what Kafka holds, for
   * an analyst who wants history kept before retention deletes it. {@link #stop()} ends it early, flushed.
   */
  void runToEnd() {
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30));
    runUntil(() -> stopping || end.entrySet().stream()
        .allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue()));
    LOG.info("archived up to the end offsets of {} partitions read at start", end.size());
  }

  private void runUntil(BooleanSupplier done) {
    long lastFlush = clock.millis();
    try {
      while (!done.getAsBoolean()) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<byte[], byte[]> record : records) {
          buffer.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>())
              .add(record);
          buffered++;
        }
        if (buffered >= settings.maxBufferedRecords()
            || clock.millis() - lastFlush >= settings.flushInterval().toMillis()) {
          flush();
          lastFlush = clock.millis();
        }
      }
    } catch (WakeupException e) {
      if (!stopping) {
        throw e;
      }
    }
    flush();
  }

  /** Asks {@link #run()} to flush and return; safe from another thread (a shutdown hook). */
  void stop() {
    stopping = true;
    try {
      consumer.wakeup();
    } catch (IllegalStateException e) {
      // the consumer is closed already: nothing to wake
    }
  }

  /** Writes and commits every buffered partition's batch. */
  void flush() {
    if (buffered == 0) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    buffer.forEach((partition, records) -> {
      if (records.isEmpty()) {
        return;
      }
      ParquetBatch.Written written = batches.write(partition, records, deserializers.get(partition.topic()));
      long first = records.get(0).offset();
      long last = records.get(records.size() - 1).offset();
      zone.commit(partition, first, last, records.size(), written.files());
      archived.merge(partition.topic(), (long) records.size(), Long::sum);
      archivedTotal += records.size();
      undecodable += written.undecodable();
      offsets.put(partition, new OffsetAndMetadata(last + 1));
      records.clear();
    });
    buffered = 0;
    try {
      consumer.commitSync(offsets);
    } catch (RuntimeException e) {
      // Only lag monitoring reads these offsets; the raw zone already holds the truth.
      LOG.warn("could not commit the consumer group's offsets: {}", e.getMessage());
    }
    LOG.info("archived so far: {} ({} undecodable)", archived, undecodable);
  }

  /** Records archived since start, all topics; readable from any thread. */
  long archivedTotal() {
    return archivedTotal;
  }

  /** Records archived per topic since start. */
  Map<String, Long> archived() {
    return Map.copyOf(archived);
  }
}
