package org.ridemarket.models.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.topologies.congestion.CongestionSettings;
import org.ridemarket.topologies.congestion.CongestionTopology;
import org.ridemarket.topologies.supplydemand.SupplyDemandSettings;
import org.ridemarket.topologies.supplydemand.SupplyDemandTopology;
import org.ridemarket.topologies.velocity.VelocitySettings;
import org.ridemarket.topologies.velocity.VelocityTopology;

class InputHistoryTest {

  @Test
  void shouldReadEveryContractTopicTheFeatureTopologiesRead() {
    // the labels too: the velocity topology counts chargebacks from their arrival, so an oracle replay without
    // them would disagree with Redis as soon as the first label of a run arrived
    Set<String> read = new TreeSet<>();
    read.addAll(sources(SupplyDemandTopology.build(SupplyDemandSettings.defaults())));
    read.addAll(sources(VelocityTopology.build(VelocitySettings.defaults())));
    read.addAll(sources(CongestionTopology.build(CongestionSettings.defaults())));

    assertThat(InputHistory.INPUT_TOPICS).containsExactlyInAnyOrderElementsOf(read)
        .contains(Topics.FRAUD_LABELS.name());
  }

  // the source topics of the contract's registry; repartition topics are the topology's own
  private static Set<String> sources(Topology topology) {
    Set<String> registry = new TreeSet<>();
    Topics.all().stream().map(Topic::name).forEach(registry::add);
    Set<String> topics = new TreeSet<>();
    for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : subtopology.nodes()) {
        if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
          source.topicSet().stream().filter(registry::contains).forEach(topics::add);
        }
      }
    }
    return topics;
  }
}
