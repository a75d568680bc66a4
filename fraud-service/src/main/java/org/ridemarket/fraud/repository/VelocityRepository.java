package org.ridemarket.fraud.repository;

import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.MapOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.ridemarket.contracts.features.VelocityEntityType;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.features.VelocitySnapshot;
import org.ridemarket.fraud.config.FraudConfig;

/**
 * Reads a payment's three velocity hashes ({@code features:vel:card|user|device:{id}}, written by
 * feature-streams) in one round trip under a short deadline: the three HGETALLs are dispatched in a
 * single write on the shared connection, so they leave together without switching the connection's
 * auto-flush off for everyone else. Results complete on a Lettuce thread; callers hop back to their
 * Vert.x context.
 */
@ApplicationScoped
public class VelocityRepository {

  private static final RedisCodec<String, String> CODEC = StringCodec.UTF8;

  private final FeatureStoreConnection redis;
  private final Duration timeout;

  VelocityRepository(FeatureStoreConnection redis, FraudConfig config) {
    this.redis = redis;
    this.timeout = config.features().redisTimeout();
  }

  /**
   * The vectors of one payment's entities.
   *
   * @return a Uni that fails with {@link FeatureStoreException} when Redis is down, slow or a hash is
   *     malformed
   */
  @WithSpan("VelocityRepository.read")
  public Uni<Velocity> read(String cardFingerprint, String userId, String deviceId) {
    List<String> keys = List.of(VelocityFeatures.redisKey(VelocityEntityType.CARD, cardFingerprint),
        VelocityFeatures.redisKey(VelocityEntityType.USER, userId),
        VelocityFeatures.redisKey(VelocityEntityType.DEVICE, deviceId));
    return redis.<List<Map<String, String>>>call(connection -> {
      List<AsyncCommand<String, String, Map<String, String>>> commands = keys.stream().map(VelocityRepository::hgetall)
          .toList();
      connection.dispatch(commands);
      return CompletableFuture.allOf(commands.toArray(CompletableFuture[]::new))
          .thenApply(done -> commands.stream().map(CompletableFuture::join).toList());
    })
        .ifNoItem().after(timeout).failWith(() -> new FeatureStoreException(
            "Redis did not answer the velocity read within " + timeout.toMillis() + " ms"))
        .map(hashes -> new Velocity(parse(VelocityEntityType.CARD, cardFingerprint, hashes.get(0)),
            parse(VelocityEntityType.USER, userId, hashes.get(1)),
            parse(VelocityEntityType.DEVICE, deviceId, hashes.get(2))));
  }

  private static AsyncCommand<String, String, Map<String, String>> hgetall(String key) {
    return new AsyncCommand<>(new Command<>(CommandType.HGETALL, new MapOutput<>(CODEC),
        new CommandArgs<>(CODEC).addKey(key)));
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
