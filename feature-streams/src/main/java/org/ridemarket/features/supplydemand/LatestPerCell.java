package org.ridemarket.features.supplydemand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.contracts.features.SupplyDemandVector;
import org.ridemarket.contracts.topics.Topics;

/** Decodes a poll of the features topic into the newest vector of each cell: older ones would be rejected by Redis anyway. */
final class LatestPerCell {

  private static final Logger LOG = Logger.getLogger(LatestPerCell.class);

  private LatestPerCell() {
  }

  static List<SupplyDemandSnapshot> of(ConsumerRecords<String, byte[]> records, SinkMetrics metrics) {
    Map<String, SupplyDemandSnapshot> newest = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      if (record.value() == null) {
        // a tombstone deletes nothing: cells leave Redis by expiring
        continue;
      }
      SupplyDemandSnapshot vector;
      try {
        SupplyDemandVector decoded = Topics.SUPPLY_DEMAND_FEATURES.valueSerde().deserializer()
            .deserialize(record.topic(), record.value());
        vector = SupplyDemandSnapshot.fromAvro(decoded);
      } catch (RuntimeException e) {
        // the topology is the only writer: this is a bug or a foreign producer, not a reason to stop
        metrics.undecodable();
        LOG.errorf("skipping undecodable vector at %s-%d@%d: %s", record.topic(), record.partition(),
            record.offset(), e.getMessage());
        continue;
      }
      newest.merge(vector.cell(), vector, (held, next) -> next.eventTime() > held.eventTime() ? next : held);
    }
    return new ArrayList<>(newest.values());
  }
}
