package org.ridemarket.features;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.Topology;
import org.ridemarket.topologies.supplydemand.SupplyDemandSettings;
import org.ridemarket.topologies.supplydemand.SupplyDemandTopology;

/**
 * Hands Quarkus the topology this app runs, built by the feature-topologies module from this app's
 * configuration; training jobs build the same topology from the same code.
 */
@ApplicationScoped
class TopologyProducer {

  private final FeaturesConfig config;

  TopologyProducer(FeaturesConfig config) {
    this.config = config;
  }

  @Produces
  Topology topology() {
    return SupplyDemandTopology.build(new SupplyDemandSettings(config.grace(), config.maxFutureSkew(),
        config.driverSilenceTimeout(), config.minEmitInterval(), config.refreshInterval()));
  }
}
