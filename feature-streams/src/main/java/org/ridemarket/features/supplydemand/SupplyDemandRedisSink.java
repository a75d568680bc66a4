package org.ridemarket.features.supplydemand;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.features.FeaturesConfig;
import org.ridemarket.features.redis.FeatureRedisSink;
import org.ridemarket.features.redis.SinkSettings;

/**
 * Copies {@code features.supply-demand} into one Redis hash per cell, forward-only, from start-up to
 * shut-down (see {@link FeatureRedisSink}).
 */
@ApplicationScoped
public class SupplyDemandRedisSink {

  private final FeatureRedisSink<SupplyDemandSnapshot> sink;

  SupplyDemandRedisSink(FeaturesConfig config, MeterRegistry registry,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      @ConfigProperty(name = "redis.url") String redisUrl) {
    FeaturesConfig.RedisSink redisSink = config.redisSink();
    this.sink = new FeatureRedisSink<>(SupplyDemandRedisWriter.FAMILY, new SinkSettings(redisSink.groupId(),
        redisSink.ttl(), redisSink.maxBatch(), redisSink.writeTimeout(), redisSink.retryBackoff(), config.instanceId()),
        registry, bootstrapServers, redisUrl);
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
