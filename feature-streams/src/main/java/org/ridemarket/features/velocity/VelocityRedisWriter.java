package org.ridemarket.features.velocity;

import io.lettuce.core.RedisClient;
import java.time.Duration;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.features.VelocitySnapshot;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.features.redis.FeatureFamily;
import org.ridemarket.features.redis.ForwardOnlyRedisWriter;

/** Writes velocity vectors into their entities' Redis hashes, each only if it moves its entity forward. */
public final class VelocityRedisWriter extends ForwardOnlyRedisWriter<VelocitySnapshot> {

  /** The velocity vectors: {@code features.velocity} into {@code features:vel:{type}:{id}}. */
  public static final FeatureFamily<VelocitySnapshot> FAMILY = new FeatureFamily<>(
      "velocity",
      Topics.VELOCITY_FEATURES.name(),
      value -> VelocitySnapshot.fromAvro(Topics.VELOCITY_FEATURES.valueSerde().deserializer()
          .deserialize(Topics.VELOCITY_FEATURES.name(), value)),
      vector -> VelocityFeatures.redisKey(vector.entityType(), vector.entityId()),
      VelocitySnapshot::eventTime,
      VelocityFeatures.EVENT_TIME_FIELD,
      VelocitySnapshot::toRedisHash);

  /** A writer on its own connection of {@code client}. */
  public VelocityRedisWriter(RedisClient client, Duration ttl, Duration timeout) {
    super(client, FAMILY, ttl, timeout);
  }
}
