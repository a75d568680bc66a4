package org.ridemarket.eta.repository;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.ridemarket.eta.config.EtaConfig;
import org.ridemarket.service.redis.RedisConnection;

/**
 * The one connection to the feature store, at the configured URL ({@link RedisConnection}: commands
 * fail at once while Redis is down, so an outage costs an ETA a fast failure, never a wait).
 */
@ApplicationScoped
public class FeatureStoreConnection {

  private final RedisConnection redis;

  FeatureStoreConnection(EtaConfig config) {
    this.redis = new RedisConnection(config.features().redisUrl(), FeatureStoreException::new);
  }

  void start(@Observes StartupEvent started) {
    redis.connect();
  }

  void stop(@Observes ShutdownEvent stopping) {
    redis.close();
  }

  /**
   * Runs a command on the connection; completes on a Lettuce thread.
   *
   * @return a Uni that fails at once with {@link FeatureStoreException} when there is no connection
   */
  public <T> Uni<T> call(Function<RedisAsyncCommands<String, String>, ? extends CompletionStage<T>> command) {
    return redis.call(connection -> command.apply(connection.async()));
  }

  /** Whether Redis answers a PING within {@code timeout}; fails with the reason when it does not. */
  public Uni<String> ping(Duration timeout) {
    return redis.ping(timeout);
  }
}
