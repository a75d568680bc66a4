package org.ridemarket.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;

class KafkaTopicsTest {

  private static final Path COMMITTED = Path.of("base/kafka/topics.yaml");

  @Test
  void shouldHaveCommittedWhatTheGeneratorWritesFromTheRegistry() throws IOException {
    // given the registry and the committed file
    String committed = Files.readString(COMMITTED);

    // when the generator renders the registry
    String generated = KafkaTopicsGenerator.render(Topics.all());

    // then they are the same, byte for byte
    assertThat(committed)
        .as("k8s/base/kafka/topics.yaml is stale: mvn -B -q -pl k8s compile exec:java@generate-topics")
        .isEqualTo(generated);
  }

  @Test
  void shouldDeclareEveryRegistryTopicWithItsPartitionsRetentionAndCompaction() throws IOException {
    // given the committed KafkaTopics, parsed into Strimzi's model
    Map<String, KafkaTopic> declared = Manifests.parse(Files.readString(COMMITTED)).stream()
        .map(KafkaTopic.class::cast)
        .collect(Collectors.toMap(topic -> topic.getSpec().getTopicName(), Function.identity()));

    // then they are exactly the registry's topics, each as the registry says
    assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(Topic::name).toList());
    for (Topic<?, ?> topic : Topics.all()) {
      assertMatchesRegistry(declared.get(topic.name()), topic);
    }
  }

  @Test
  void shouldNameEveryTopicResourceAfterItsTopicAndCluster() throws IOException {
    // given the committed KafkaTopics
    List<KafkaTopic> declared = Manifests.parse(Files.readString(COMMITTED)).stream()
        .map(KafkaTopic.class::cast).toList();

    // then each belongs to the ridemarket cluster and is named after its topic
    assertThat(declared).allSatisfy(topic -> {
      assertThat(topic.getMetadata().getName()).isEqualTo(topic.getSpec().getTopicName());
      assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", KafkaTopicsGenerator.CLUSTER);
    });
  }

  /** The registry's partitions, retention and compaction; shared with the rendered overlays' checks. */
  static void assertMatchesRegistry(KafkaTopic declared, Topic<?, ?> topic) {
    Map<String, Object> config = declared.getSpec().getConfig();
    assertThat(declared.getSpec().getPartitions()).as(topic.name() + " partitions").isEqualTo(topic.partitions());
    assertThat(String.valueOf(config.get("retention.ms"))).as(topic.name() + " retention.ms")
        .isEqualTo(topic.config().get("retention.ms"));
    assertThat(String.valueOf(config.get("cleanup.policy")).contains("compact")).as(topic.name() + " compaction")
        .isEqualTo(topic.compacted());
    assertThat(config.keySet()).as(topic.name() + " config keys").containsExactlyInAnyOrderElementsOf(topic.config().keySet());
  }
}
