package org.ridemarket.fraud.repository;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ridemarket.contracts.features.VelocityEntityType;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.features.VelocitySnapshot;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.redis.FeatureStore;
import org.ridemarket.service.redis.FeatureStoreException;

/**
 * Reads a payment's three velocity hashes ({@code features:vel:card|user|device:{id}}, written by
 * feature-streams) in one round trip under the request's deadline. The hashes come back raw; {@link
 * #parse} is CPU work for the decision pool.
 */
@ApplicationScoped
public class VelocityRepository {

  private final FeatureStore store;

  VelocityRepository(FeatureStore store) {
    this.store = store;
  }

  /**
   * The raw hashes of one payment's card, user, device and, when it has one, merchant, in that order: one
   * pipelined read.
   *
   * @param merchantId the payment's merchant, or null (a trip fare)
   * @return a Uni that fails with {@link FeatureStoreException} when Redis is down or slower than the deadline
   */
  @WithSpan("VelocityRepository.read")
  public Uni<List<Map<String, String>>> read(String cardFingerprint, String userId, String deviceId,
      String merchantId, Deadline deadline) {
    List<String> keys = new ArrayList<>(4);
    keys.add(VelocityFeatures.redisKey(VelocityEntityType.CARD, cardFingerprint));
    keys.add(VelocityFeatures.redisKey(VelocityEntityType.USER, userId));
    keys.add(VelocityFeatures.redisKey(VelocityEntityType.DEVICE, deviceId));
    if (merchantId != null) {
      keys.add(VelocityFeatures.redisKey(VelocityEntityType.MERCHANT, merchantId));
    }
    return store.read(keys, deadline);
  }

  /**
   * The vectors of a read.
   *
   * @throws FeatureStoreException when a hash is malformed
   */
  public static Velocity parse(String cardFingerprint, String userId, String deviceId, String merchantId,
      List<Map<String, String>> hashes) {
    return new Velocity(parse(VelocityEntityType.CARD, cardFingerprint, hashes.get(0)),
        parse(VelocityEntityType.USER, userId, hashes.get(1)),
        parse(VelocityEntityType.DEVICE, deviceId, hashes.get(2)),
        merchantId == null ? null : parse(VelocityEntityType.MERCHANT, merchantId, hashes.get(3)));
  }

  private static VelocitySnapshot parse(VelocityEntityType type, String id, Map<String, String> hash) {
    if (hash == null || hash.isEmpty()) {
      return null;
    }
    try {
      return VelocitySnapshot.fromRedisHash(type, id, hash);
    } catch (IllegalArgumentException e) {
      throw new FeatureStoreException(e.getMessage(), e);
    }
  }
}
