package org.ridemarket.pricing.repository;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.pricing.CellFeatures;
import org.ridemarket.pricing.config.PricingConfig;

/**
 * Reads cells' supply/demand hashes (key {@code features:sd:{cell}}, written by feature-streams)
 * under a short deadline. One HGETALL per cell: the hash already holds the ring aggregates. Results
 * complete on a Lettuce thread; callers hop back to their Vert.x context.
 */
@ApplicationScoped
public class SupplyDemandRepository {

  private final FeatureStoreConnection redis;
  private final Duration timeout;

  SupplyDemandRepository(FeatureStoreConnection redis, PricingConfig config) {
    this.redis = redis;
    this.timeout = config.features().redisTimeout();
  }

  /**
   * The cell's features; empty when the cell has no hash (no recent activity).
   *
   * @return a Uni that fails with {@link FeatureStoreException} when Redis is down, slow or the hash
   *     is malformed
   */
  @WithSpan("SupplyDemandRepository.find")
  public Uni<Optional<CellFeatures>> find(@SpanAttribute("cell") String cell) {
    return redis.call(commands -> commands.hgetall(SupplyDemandFeatures.redisKey(cell)))
        .ifNoItem().after(timeout).failWith(() -> timedOut("cell " + cell))
        .map(hash -> parse(cell, hash));
  }

  /** The features of several cells, read in one pipelined round trip under the same deadline. */
  @WithSpan("SupplyDemandRepository.findAll")
  public Uni<Map<String, Optional<CellFeatures>>> findAll(List<String> cells) {
    return redis.<Map<String, Map<String, String>>>call(commands -> pipelined(commands, cells))
        .ifNoItem().after(timeout).failWith(() -> timedOut(cells.size() + " cells"))
        .map(hashes -> {
          Map<String, Optional<CellFeatures>> features = new LinkedHashMap<>();
          hashes.forEach((cell, hash) -> features.put(cell, parse(cell, hash)));
          return features;
        });
  }

  // Lettuce writes the commands back to back on the one connection and Redis answers them in order.
  private static CompletableFuture<Map<String, Map<String, String>>> pipelined(
      RedisAsyncCommands<String, String> commands, List<String> cells) {
    List<RedisFuture<Map<String, String>>> replies = new ArrayList<>(cells.size());
    for (String cell : cells) {
      replies.add(commands.hgetall(SupplyDemandFeatures.redisKey(cell)));
    }
    return CompletableFuture
        .allOf(replies.stream().map(RedisFuture::toCompletableFuture).toArray(CompletableFuture[]::new))
        .thenApply(done -> {
          Map<String, Map<String, String>> hashes = new LinkedHashMap<>();
          for (int i = 0; i < cells.size(); i++) {
            hashes.put(cells.get(i), replies.get(i).toCompletableFuture().join());
          }
          return hashes;
        });
  }

  private FeatureStoreException timedOut(String what) {
    return new FeatureStoreException("Redis did not answer for " + what + " within " + timeout.toMillis() + " ms");
  }

  private static Optional<CellFeatures> parse(String cell, Map<String, String> hash) {
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(CellFeatures.fromRedisHash(cell, hash));
    } catch (IllegalArgumentException e) {
      throw new FeatureStoreException(e.getMessage(), e);
    }
  }
}
