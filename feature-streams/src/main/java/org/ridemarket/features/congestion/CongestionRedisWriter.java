package org.ridemarket.features.congestion;

import io.lettuce.core.RedisClient;
import java.time.Duration;
import org.ridemarket.contracts.features.CongestionFeatures;
import org.ridemarket.contracts.features.CongestionSnapshot;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.features.redis.FeatureFamily;
import org.ridemarket.features.redis.ForwardOnlyRedisWriter;

/** Writes congestion vectors into their cells' Redis hashes, each only if it moves its cell forward. */
public final class CongestionRedisWriter extends ForwardOnlyRedisWriter<CongestionSnapshot> {

  /** The congestion vectors: {@code features.congestion} into {@code features:cong:{cell}}. */
  public static final FeatureFamily<CongestionSnapshot> FAMILY = new FeatureFamily<>(
      "congestion",
      Topics.CONGESTION_FEATURES.name(),
      value -> CongestionSnapshot.fromAvro(Topics.CONGESTION_FEATURES.valueSerde().deserializer()
          .deserialize(Topics.CONGESTION_FEATURES.name(), value)),
      vector -> CongestionFeatures.redisKey(vector.cell()),
      CongestionSnapshot::eventTime,
      CongestionFeatures.EVENT_TIME_FIELD,
      CongestionSnapshot::toRedisHash);

  /** A writer on its own connection of {@code client}. */
  public CongestionRedisWriter(RedisClient client, Duration ttl, Duration timeout) {
    super(client, FAMILY, ttl, timeout);
  }
}
