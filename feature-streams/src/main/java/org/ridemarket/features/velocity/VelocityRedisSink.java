package org.ridemarket.features.velocity;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ridemarket.contracts.features.VelocitySnapshot;
import org.ridemarket.features.FeaturesConfig;
import org.ridemarket.features.redis.FeatureRedisSink;
import org.ridemarket.features.redis.SinkSettings;

/**
 * Copies {@code features.velocity} into one Redis hash per card, user and device, forward-only, from
 * start-up to shut-down (see {@link FeatureRedisSink}), on its own consumer group and thread, so that
 * neither family's sink holds the other back.
 */
@ApplicationScoped
public class VelocityRedisSink {

  private final FeatureRedisSink<VelocitySnapshot> sink;

  VelocityRedisSink(FeaturesConfig config, MeterRegistry registry,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      @ConfigProperty(name = "redis.url") String redisUrl) {
    FeaturesConfig.VelocityRedisSink own = config.velocity().redisSink();
    if (own.ttl().compareTo(config.velocity().idleTimeout()) < 0) {
      // a hash expiring while the topology still counts the entity would hide its velocity from scoring
      throw new IllegalArgumentException("features.velocity.redis-sink.ttl (" + own.ttl()
          + ") must be at least features.velocity.idle-timeout (" + config.velocity().idleTimeout() + ")");
    }
    FeaturesConfig.RedisSink shared = config.redisSink();
    this.sink = new FeatureRedisSink<>(VelocityRedisWriter.FAMILY, new SinkSettings(own.groupId(), own.ttl(),
        shared.maxBatch(), shared.writeTimeout(), shared.retryBackoff(), config.instanceId()), registry,
        bootstrapServers, redisUrl);
  }

  void start(@Observes StartupEvent started) {
    sink.start();
  }

  void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
    sink.stop();
  }

  /** Null while the sink is healthy; otherwise why the last batch failed. */
  public String lastFailure() {
    return sink.lastFailure();
  }
}
