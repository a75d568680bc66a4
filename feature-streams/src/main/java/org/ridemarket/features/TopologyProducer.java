package org.ridemarket.features;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.ridemarket.topologies.supplydemand.SupplyDemandSettings;
import org.ridemarket.topologies.supplydemand.SupplyDemandTopology;
import org.ridemarket.topologies.velocity.VelocitySettings;
import org.ridemarket.topologies.velocity.VelocityTopology;

/**
 * Hands Quarkus the topology this app runs, built by the feature-topologies module from this app's
 * configuration; training jobs build the same topologies from the same code. Supply/demand and
 * payment velocity share one Kafka Streams application (one transaction per commit); supply/demand
 * goes in first, so its sub-topology numbers, and with them its task ids, are those it had alone.
 */
@ApplicationScoped
public class TopologyProducer {

  private final FeaturesConfig config;

  TopologyProducer(FeaturesConfig config) {
    this.config = config;
  }

  @Produces
  Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    SupplyDemandTopology.addTo(builder, supplyDemandSettings(config), Stores::persistentKeyValueStore);
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
