package org.ridemarket.contracts.topics;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic of the contract: its name, how its keys and values are serialized, how many
 * partitions it has, what its key means, and its topic-level configuration (retention,
 * compaction). Producers and consumers take serdes from here, never build their own.
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    Class<V> valueType,
    int partitions,
    String keyedBy,
    Map<String, String> config) {

  public Topic {
    if (partitions < 1) {
      throw new IllegalArgumentException("a topic needs at least one partition: " + name);
    }
    config = Map.copyOf(config);
  }

  /** True when the topic keeps the latest value per key instead of deleting by age. */
  public boolean compacted() {
    return config.getOrDefault("cleanup.policy", "delete").contains("compact");
  }
}
