package org.ridemarket.features.supplydemand;

import io.lettuce.core.RedisClient;
import java.time.Duration;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.features.redis.FeatureFamily;
import org.ridemarket.features.redis.ForwardOnlyRedisWriter;

/** Writes supply/demand vectors into their cells' Redis hashes, each only if it moves its cell forward. */
public final class SupplyDemandRedisWriter extends ForwardOnlyRedisWriter<SupplyDemandSnapshot> {

  /** The supply/demand vectors: {@code features.supply-demand} into {@code features:sd:{cell}}. */
  public static final FeatureFamily<SupplyDemandSnapshot> FAMILY = new FeatureFamily<>(
      "supply_demand",
      Topics.SUPPLY_DEMAND_FEATURES.name(),
      value -> SupplyDemandSnapshot.fromAvro(Topics.SUPPLY_DEMAND_FEATURES.valueSerde().deserializer()
          .deserialize(Topics.SUPPLY_DEMAND_FEATURES.name(), value)),
      vector -> SupplyDemandFeatures.redisKey(vector.cell()),
      SupplyDemandSnapshot::eventTime,
      SupplyDemandFeatures.EVENT_TIME_FIELD,
      SupplyDemandSnapshot::toRedisHash);

  /** A writer on its own connection of {@code client}. */
  public SupplyDemandRedisWriter(RedisClient client, Duration ttl, Duration timeout) {
    super(client, FAMILY, ttl, timeout);
  }
}
