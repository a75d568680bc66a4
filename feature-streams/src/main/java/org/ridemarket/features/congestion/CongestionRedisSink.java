package org.ridemarket.features.congestion;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ridemarket.contracts.features.CongestionSnapshot;
import org.ridemarket.features.FeaturesConfig;
import org.ridemarket.features.redis.FeatureRedisSink;
import org.ridemarket.features.redis.SinkSettings;

/**
 * Copies {@code features.congestion} into one Redis hash per cell, forward-only, from start-up to
 * shut-down (see {@link FeatureRedisSink}), on its own consumer group and thread, so that no family's
 * sink holds another back.
 */
@ApplicationScoped
public class CongestionRedisSink {

  private final FeatureRedisSink<CongestionSnapshot> sink;

  CongestionRedisSink(FeaturesConfig config, MeterRegistry registry,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      @ConfigProperty(name = "redis.url") String redisUrl) {
    FeaturesConfig.Congestion congestion = config.congestion();
    FeaturesConfig.CongestionRedisSink own = congestion.redisSink();
    if (own.ttl().compareTo(congestion.refreshInterval().plus(congestion.sweepInterval())) < 0) {
      // a live cell is re-emitted only every refresh interval (at a sweep): a shorter TTL would blink it out of Redis
      throw new IllegalArgumentException("features.congestion.redis-sink.ttl (" + own.ttl()
          + ") must be at least features.congestion.refresh-interval plus sweep-interval ("
          + congestion.refreshInterval().plus(congestion.sweepInterval()) + ")");
    }
    FeaturesConfig.RedisSink shared = config.redisSink();
    this.sink = new FeatureRedisSink<>(CongestionRedisWriter.FAMILY, new SinkSettings(own.groupId(), own.ttl(),
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
