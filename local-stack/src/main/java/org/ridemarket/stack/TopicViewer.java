package org.ridemarket.stack;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;

/** The {@code topics} and {@code tail} commands: a look at what is in the stack's topics, decoded. */
final class TopicViewer {

  private final String bootstrapServers;
  private final PrintStream out;

  TopicViewer(String bootstrapServers, PrintStream out) {
    this.bootstrapServers = bootstrapServers;
    this.out = out;
  }

  /** Prints each contract topic with its partition count and how many records it holds. */
  void list() {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(10));
      for (Topic<?, ?> topic : Topics.all()) {
        List<TopicPartition> partitions = partitions(existing.get(topic.name()), topic.name());
        long records = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum()
            - consumer.beginningOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        out.printf("%-24s %s%n", topic.name(), existing.containsKey(topic.name())
            ? partitions.size() + " partitions, " + records + " records" : "missing");
      }
    }
  }

  /** Prints records of a topic as they arrive (or from its start), at most {@code max} if positive. */
  void tail(String topicName, boolean fromBeginning, int max) {
    Topic<?, ?> topic = Topics.named(topicName);
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer.partitionsFor(topicName), topicName);
      consumer.assign(partitions);
      if (fromBeginning) {
        consumer.seekToBeginning(partitions);
      } else {
        consumer.seekToEnd(partitions);
      }
      int printed = 0;
      while (max <= 0 || printed < max) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          out.printf("p%d@%d %s key=%s %s%n", record.partition(), record.offset(),
              Instant.ofEpochMilli(record.timestamp()), decode(topic.keySerde().deserializer(), record),
              decode(topic.valueSerde().deserializer(), record.topic(), record.value()));
          if (max > 0 && ++printed >= max) {
            break;
          }
        }
      }
    }
  }

  private static String decode(Deserializer<?> keys, ConsumerRecord<byte[], byte[]> record) {
    return decode(keys, record.topic(), record.key());
  }

  private static String decode(Deserializer<?> deserializer, String topic, byte[] bytes) {
    if (bytes == null) {
      return "null";
    }
    try {
      return String.valueOf(deserializer.deserialize(topic, bytes));
    } catch (RuntimeException e) {
      return "<" + bytes.length + " bytes not readable as the contract type: " + e.getMessage() + ">";
    }
  }

  private static List<TopicPartition> partitions(List<PartitionInfo> infos, String topic) {
    return Optional.ofNullable(infos).orElse(List.of()).stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .toList();
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
