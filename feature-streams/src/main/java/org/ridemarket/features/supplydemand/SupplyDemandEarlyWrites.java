package org.ridemarket.features.supplydemand;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.contracts.features.SupplyDemandVector;
import org.ridemarket.features.FeaturesConfig;
import org.ridemarket.features.redis.EarlyRedisWriter;

/**
 * The supply/demand vectors' early writes (ADR 0034): each vector goes to its cell's Redis hash as the cell task
 * emits it, and the {@link SupplyDemandRedisSink} confirms it once committed. Off with
 * {@code features.redis-sink.early-writes=false}.
 */
@ApplicationScoped
public class SupplyDemandEarlyWrites {

  private final EarlyRedisWriter<SupplyDemandSnapshot> writer;

  SupplyDemandEarlyWrites(FeaturesConfig config, MeterRegistry registry,
      @ConfigProperty(name = "redis.url") String redisUrl) {
    FeaturesConfig.RedisSink sink = config.redisSink();
    this.writer = sink.earlyWrites()
        ? new EarlyRedisWriter<>(SupplyDemandRedisWriter.FAMILY, redisUrl, sink.ttl(), sink.writeTimeout(),
            sink.retryBackoff(), sink.earlyWritesInFlight(), registry)
        : null;
  }

  /** What the topology hands each vector to as it is emitted; null when early writes are off. */
  public BiConsumer<String, SupplyDemandVector> tap() {
    return writer == null ? null : (cell, vector) -> writer.write(SupplyDemandSnapshot.fromAvro(vector));
  }

  void stop(@Observes ShutdownEvent stopping) {
    if (writer != null) {
      writer.close();
    }
  }
}
