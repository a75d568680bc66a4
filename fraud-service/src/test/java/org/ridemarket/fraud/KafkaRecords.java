package org.ridemarket.fraud;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ridemarket.contracts.topics.Topic;

/** Reads a topic of the test stack from the beginning, decoded with the contract's serde. */
public final class KafkaRecords {

  private KafkaRecords() {
  }

  /** The first record with this key on the topic, waiting up to 20 seconds. */
  public static <V> ConsumerRecord<String, V> awaitKey(String bootstrapServers, Topic<String, V> topic, String key) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        topic.valueSerde().deserializer())) {
      // Every partition from the start, without a consumer group: nothing to wait for but the records.
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Instant deadline = Instant.now().plusSeconds(20);
      while (Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(record.key())) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no record with key " + key + " on " + topic.name());
  }

  /** How many records with this key the topic holds (after reading it to its end). */
  public static <V> long countKey(String bootstrapServers, Topic<String, V> topic, String key) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long count = 0;
      Instant deadline = Instant.now().plusSeconds(20);
      while (Instant.now().isBefore(deadline)
          && partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(record.key())) {
            count++;
          }
        }
      }
      return count;
    }
  }
}
