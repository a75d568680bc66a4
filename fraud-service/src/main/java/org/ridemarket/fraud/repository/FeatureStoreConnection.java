package org.ridemarket.fraud.repository;

import io.lettuce.core.api.StatefulRedisConnection;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.ridemarket.fraud.config.FraudConfig;
import org.ridemarket.service.redis.RedisConnection;

/**
 * The one connection to the feature store, at the configured URL ({@link RedisConnection}: commands
 * fail at once while Redis is down, so an outage costs a decision a fast failure, never a wait).
 */
@ApplicationScoped
public class FeatureStoreConnection {

  private final RedisConnection redis;

  FeatureStoreConnection(FraudConfig config) {
    this.redis = new RedisConnection(config.features().redisUrl(), FeatureStoreException::new);
  }

  void start(@Observes StartupEvent started) {
    redis.connect();
  }

  void stop(@Observes ShutdownEvent stopping) {
    redis.close();
  }

  /**
   * Runs commands on the connection (through its async API, or dispatched together in one write);
   * completes on a Lettuce thread.
   *
   * @return a Uni that fails at once with {@link FeatureStoreException} when there is no connection
   */
  public <T> Uni<T> call(Function<StatefulRedisConnection<String, String>, ? extends CompletionStage<T>> command) {
    return redis.call(command);
  }

  /** Whether Redis answers a PING within {@code timeout}; fails with the reason when it does not. */
  public Uni<String> ping(Duration timeout) {
    return redis.ping(timeout);
  }
}
