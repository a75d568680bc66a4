package org.ridemarket.pricing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ridemarket.contracts.events.PriceQuoted;
import org.ridemarket.contracts.topics.Topics;

/** Every PriceQuoted event on {@code pricing.quotes} so far, counted by quote id. */
public final class PublishedQuotes {

  private PublishedQuotes() {
  }

  /** How many events each quote id has on the topic now, read from the beginning. */
  public static Map<String, Integer> countByQuoteId(String bootstrapServers) {
    Map<String, Integer> counts = new HashMap<>();
    for (ConsumerRecord<String, PriceQuoted> record : all(bootstrapServers)) {
      counts.merge(record.value().getQuoteId(), 1, Integer::sum);
    }
    return counts;
  }

  /** Every record on the topic now, read from the beginning, without a consumer group. */
  public static List<ConsumerRecord<String, PriceQuoted>> all(String bootstrapServers) {
    List<ConsumerRecord<String, PriceQuoted>> records = new ArrayList<>();
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, PriceQuoted> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        Topics.PRICE_QUOTES.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.PRICE_QUOTES.name()).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
