package org.ridemarket.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;

class KafkaClusterTest {

  static List<String> overlays() {
    return Overlays.ALL;
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldDeclareEveryRegistryTopicAsTheRegistrySays(String overlay) {
    // given the rendered overlay's topics
    Map<String, KafkaTopic> declared = Overlays.render(overlay).all(KafkaTopic.class).stream()
        .collect(Collectors.toMap(topic -> topic.getSpec().getTopicName(), Function.identity()));

    // then they are the registry's, with its partitions, retention and compaction, on our cluster
    assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(Topic::name).toList());
    for (Topic<?, ?> topic : Topics.all()) {
      KafkaTopicsTest.assertMatchesRegistry(declared.get(topic.name()), topic);
      assertThat(declared.get(topic.name()).getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "ridemarket");
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldReplicateEveryTopicOnMoreBrokersThanItsMinimumInSyncReplicas(String overlay) {
    // given the cluster, its brokers and its topics
    Overlays.Rendered rendered = Overlays.render(overlay);
    int brokers = brokers(rendered).stream().mapToInt(pool -> pool.getSpec().getReplicas()).sum();
    int minInSync = ((Number) rendered.all(Kafka.class).get(0).getSpec().getKafka().getConfig()
        .get("min.insync.replicas")).intValue();

    // then every topic fits the brokers, and (with more than one broker) survives losing one
    assertThat(rendered.all(KafkaTopic.class)).allSatisfy(topic -> {
      assertThat(topic.getSpec().getReplicas()).isLessThanOrEqualTo(brokers);
      assertThat(topic.getSpec().getReplicas()).isGreaterThanOrEqualTo(minInSync);
      if (brokers > 1) {
        assertThat(topic.getSpec().getReplicas()).isGreaterThan(minInSync);
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"prod", "prod-region-b"})
  void shouldRunThreeBrokersInKraftModeWithRackAwareness(String overlay) {
    // given a production overlay
    Overlays.Rendered rendered = Overlays.render(overlay);
    Kafka kafka = rendered.all(Kafka.class).get(0);

    // then three brokers and three controllers in node pools, replicas spread over zones
    assertThat(brokers(rendered)).singleElement().satisfies(pool -> assertThat(pool.getSpec().getReplicas()).isEqualTo(3));
    assertThat(rendered.all(KafkaNodePool.class))
        .filteredOn(pool -> pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
        .singleElement().satisfies(pool -> assertThat(pool.getSpec().getReplicas()).isEqualTo(3));
    assertThat(kafka.getSpec().getKafka().getRack().getTopologyKey()).isEqualTo("topology.kubernetes.io/zone");
    assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("min.insync.replicas", 2)
        .containsEntry("transaction.state.log.replication.factor", 3)
        .containsEntry("auto.create.topics.enable", false);
    assertThat(kafka.getSpec().getKafkaExporter()).as("lag and dead-letter alerts need the exporter").isNotNull();
  }

  private static List<KafkaNodePool> brokers(Overlays.Rendered rendered) {
    return rendered.all(KafkaNodePool.class).stream()
        .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER)).toList();
  }
}
