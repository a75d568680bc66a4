package org.ridemarket.stack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;

/**
 * The registry's topics as the local stack creates them: same names, partitions and compaction, but no
 * time-based retention (ADR 0015). A local run starts empty and its simulator dates events in the past
 * (2026-11-02 by default), so the registry's 3-14 day retention would delete input and feature records
 * a run had just produced, and the idempotent producers whose records vanished would fail with
 * OutOfOrderSequenceException. Keeping everything is bounded by the run itself.
 */
final class LocalTopics {

  /** Kafka's value for "never delete by age". */
  static final String KEEP_FOREVER = "-1";

  private LocalTopics() {
  }

  /** {@link Topics#all()} with {@code retention.ms=-1}. */
  static List<Topic<?, ?>> all() {
    return Topics.all().stream().<Topic<?, ?>>map(LocalTopics::keptForever).toList();
  }

  private static <K, V> Topic<K, V> keptForever(Topic<K, V> topic) {
    Map<String, String> config = new HashMap<>(topic.config());
    config.put("retention.ms", KEEP_FOREVER);
    return new Topic<>(topic.name(), topic.keySerde(), topic.valueSerde(), topic.valueType(), topic.partitions(),
        topic.keyedBy(), config);
  }
}
