package org.ridemarket.features.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/** Decodes a poll of a features topic into the newest vector of each Redis key: older ones would be rejected anyway. */
final class LatestPerKey {

  private static final Logger LOG = Logger.getLogger(LatestPerKey.class);

  private LatestPerKey() {
  }

  static <T> List<T> of(ConsumerRecords<String, byte[]> records, FeatureFamily<T> family, SinkMetrics metrics) {
    Map<String, T> newest = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      if (record.value() == null) {
        // a tombstone deletes nothing: hashes leave Redis by expiring
        continue;
      }
      T vector;
      try {
        vector = family.decoder().apply(record.value());
      } catch (RuntimeException e) {
        // the topology is the only writer: this is a bug or a foreign producer, not a reason to stop
        metrics.undecodable();
        LOG.errorf("skipping undecodable %s vector at %s-%d@%d: %s", family.name(), record.topic(),
            record.partition(), record.offset(), e.getMessage());
        continue;
      }
      newest.merge(family.redisKey().apply(vector), vector, (held, next) ->
          family.eventTime().applyAsLong(next) > family.eventTime().applyAsLong(held) ? next : held);
    }
    return new ArrayList<>(newest.values());
  }
}
