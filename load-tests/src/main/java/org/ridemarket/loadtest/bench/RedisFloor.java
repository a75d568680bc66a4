package org.ridemarket.loadtest.bench;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.ridemarket.contracts.features.SupplyDemandFeatures;

/**
 * The Redis floor: the very read the pricing-service makes, one HGETALL of a live cell's supply/demand
 * hash ({@link SupplyDemandFeatures#redisKey}), through Lettuce like the service, one at a time.
 */
public final class RedisFloor {

  private RedisFloor() {
  }

  /**
   * A cell's hash and the timing of {@code samples} reads of it (after as many unrecorded ones).
   *
   * @param cell the cell read, empty when Redis had no feature key (then the floor says so)
   * @param hash its fields, for a realistic ONNX row
   */
  public record Result(Floor floor, Optional<String> cell, Map<String, String> hash) {
  }

  /** Reads from the Redis at {@code url} (e.g. {@code redis://127.0.0.1:16379}); a Redis that is down is reported. */
  public static Result measure(String url, int samples) {
    try {
      return read(url, samples);
    } catch (RuntimeException e) {
      return new Result(Floor.missing("Redis HGETALL " + SupplyDemandFeatures.REDIS_KEY_PREFIX + "*",
          "no Redis at " + url + ": " + e.getMessage()), Optional.empty(), Map.of());
    }
  }

  private static Result read(String url, int samples) {
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      RedisCommands<String, String> redis = connection.sync();
      Optional<String> key = anyFeatureKey(redis);
      if (key.isEmpty()) {
        return new Result(Floor.missing("Redis HGETALL " + SupplyDemandFeatures.REDIS_KEY_PREFIX + "*",
            "no " + SupplyDemandFeatures.REDIS_KEY_PREFIX + "* key in Redis yet (is feature-streams running?)"),
            Optional.empty(), Map.of());
      }
      Histogram nanos = new Histogram(3);
      Map<String, String> hash = Map.of();
      for (int i = -samples; i < samples; i++) {
        long start = System.nanoTime();
        hash = redis.hgetall(key.get());
        long took = System.nanoTime() - start;
        if (i >= 0) {
          nanos.recordValue(took);
        }
      }
      String cell = key.get().substring(SupplyDemandFeatures.REDIS_KEY_PREFIX.length());
      return new Result(Floor.fromNanos("Redis HGETALL " + key.get(), nanos,
          "Lettuce sync, one at a time, " + hash.size() + " fields"), Optional.of(cell), hash);
    } finally {
      client.shutdown();
    }
  }

  private static Optional<String> anyFeatureKey(RedisCommands<String, String> redis) {
    ScanArgs match = ScanArgs.Builder.matches(SupplyDemandFeatures.REDIS_KEY_PREFIX + "*").limit(1_000);
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = redis.scan(cursor, match);
      if (!page.getKeys().isEmpty()) {
        return Optional.of(page.getKeys().get(0));
      }
      cursor = page;
    } while (!cursor.isFinished());
    return Optional.empty();
  }
}
