package org.ridemarket.features;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.ridemarket.features.supplydemand.SupplyDemandEarlyWrites;
import org.ridemarket.topologies.supplydemand.SupplyDemandSettings;
import org.ridemarket.topologies.supplydemand.SupplyDemandTopology;
import org.ridemarket.topologies.velocity.VelocitySettings;
import org.ridemarket.topologies.velocity.VelocityTopology;

/**
 * Hands Quarkus the topology this app runs, built by the feature-topologies module from this app's
 * configuration; training jobs build the same topologies from the same code. Supply/demand and
 * payment velocity share one Kafka Streams application (one transaction per commit); supply/demand
 * goes in first, so its sub-topology numbers, and with them its task ids, are those it had alone. Its vectors are
 * also written to Redis ahead of their commit (ADR 0034) unless that is switched off.
 */
@ApplicationScoped
public class TopologyProducer {

  private final FeaturesConfig config;
  private final SupplyDemandEarlyWrites earlyWrites;

  TopologyProducer(FeaturesConfig config, SupplyDemandEarlyWrites earlyWrites) {
    this.config = config;
    this.earlyWrites = earlyWrites;
  }

  @Produces
  Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    SupplyDemandTopology.addTo(builder, supplyDemandSettings(config), Stores::persistentKeyValueStore,
        earlyWrites.tap());
    VelocityTopology.addTo(builder, velocitySettings(config.velocity()), Stores::persistentKeyValueStore);
    return builder.build();
  }

  /** The supply/demand topology's settings; fails start-up on settings the topology refuses. */
  public static SupplyDemandSettings supplyDemandSettings(FeaturesConfig config) {
    return new SupplyDemandSettings(config.grace(), config.maxFutureSkew(), config.driverSilenceTimeout(),
        config.minEmitInterval(), config.refreshInterval(), config.flushInterval());
  }

  /** The velocity topology's settings; fails start-up on settings the topology refuses. */
  public static VelocitySettings velocitySettings(FeaturesConfig.Velocity velocity) {
    return new VelocitySettings(velocity.grace(), velocity.maxFutureSkew(), velocity.idleTimeout(),
        velocity.sweepInterval(), velocity.sweepLimit());
  }
}
