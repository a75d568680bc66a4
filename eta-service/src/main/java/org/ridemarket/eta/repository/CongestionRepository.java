package org.ridemarket.eta.repository;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.ridemarket.contracts.features.CongestionFeatures;
import org.ridemarket.contracts.features.CongestionSnapshot;
import org.ridemarket.eta.config.EtaConfig;

/**
 * Reads the congestion hashes ({@code features:cong:{cell}}, written by feature-streams) of every cell
 * a route crosses in one pipelined round trip under one deadline. Results complete on a Lettuce
 * thread; callers hop back to their Vert.x context.
 */
@ApplicationScoped
public class CongestionRepository {

  private final FeatureStoreConnection redis;
  private final Duration timeout;

  CongestionRepository(FeatureStoreConnection redis, EtaConfig config) {
    this.redis = redis;
    this.timeout = config.features().redisTimeout();
  }

  /**
   * The vectors of these cells. A cell without a hash is unknown; a hash that does not parse is
   * reported in {@link CongestionReading#malformed()} and also unknown, so that one bad writer does
   * not degrade every ETA that crosses its cell.
   *
   * @return a Uni that fails with {@link FeatureStoreException} when Redis is down or slower than the deadline
   */
  @WithSpan("CongestionRepository.findAll")
  public Uni<CongestionReading> findAll(@SpanAttribute("cells") List<String> cells) {
    return redis.<List<Map<String, String>>>call(commands -> pipelined(commands, cells))
        .ifNoItem().after(timeout).failWith(() -> new FeatureStoreException("Redis did not answer for "
            + cells.size() + " cells within " + timeout.toMillis() + " ms"))
        .onFailure(failure -> !(failure instanceof FeatureStoreException))
        .transform(failure -> new FeatureStoreException("Redis read failed: " + failure.getMessage(), failure))
        .map(hashes -> parse(cells, hashes));
  }

  // Every HGETALL is written back to back on the one connection before any reply is awaited: one round trip.
  private static CompletableFuture<List<Map<String, String>>> pipelined(RedisAsyncCommands<String, String> commands,
      List<String> cells) {
    List<RedisFuture<Map<String, String>>> replies = new ArrayList<>(cells.size());
    for (String cell : cells) {
      replies.add(commands.hgetall(CongestionFeatures.redisKey(cell)));
    }
    return CompletableFuture
        .allOf(replies.stream().map(RedisFuture::toCompletableFuture).toArray(CompletableFuture[]::new))
        .thenApply(done -> replies.stream().map(reply -> reply.toCompletableFuture().join()).toList());
  }

  private static CongestionReading parse(List<String> cells, List<Map<String, String>> hashes) {
    Map<String, CongestionSnapshot> snapshots = new HashMap<>();
    List<String> malformed = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      Map<String, String> hash = hashes.get(i);
      if (hash == null || hash.isEmpty()) {
        continue;
      }
      try {
        snapshots.put(cells.get(i), CongestionSnapshot.fromRedisHash(cells.get(i), hash));
      } catch (IllegalArgumentException e) {
        malformed.add(cells.get(i) + ": " + e.getMessage());
      }
    }
    return new CongestionReading(snapshots, malformed, System.currentTimeMillis());
  }
}
