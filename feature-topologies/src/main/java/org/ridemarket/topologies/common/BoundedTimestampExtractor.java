package org.ridemarket.topologies.common;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Record timestamps drive stream time, which judges lateness. A timestamp absurdly far in the
 * future would push stream time ahead and make every following event "too late", so such a
 * record (rejected as INVALID downstream) keeps the partition's current time instead.
 */
public final class BoundedTimestampExtractor implements TimestampExtractor {

  private final long maxFutureSkewMillis;

  /** Keeps record timestamps more than {@code maxFutureSkew} ahead of the wall clock from moving stream time. */
  public BoundedTimestampExtractor(Duration maxFutureSkew) {
    this.maxFutureSkewMillis = maxFutureSkew.toMillis();
  }

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    long timestamp = record.timestamp();
    if (timestamp >= 0 && timestamp <= System.currentTimeMillis() + maxFutureSkewMillis) {
      return timestamp;
    }
    // a negative result would make Kafka Streams drop the record before anyone could dead-letter it
    return Math.max(partitionTime, 0);
  }
}
