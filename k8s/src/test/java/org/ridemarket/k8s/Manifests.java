package org.ridemarket.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;

/**
 * Parses manifests into fabric8's typed models: Kubernetes' own kinds, the Prometheus Operator's, and
 * Strimzi's (registered for the v1 API our files use; Strimzi's classes name v1beta2, whose fields
 * are the same for what we write). Kinds without a Java model (CloudNativePG) stay generic.
 */
final class Manifests {

  static final String STRIMZI_V1 = "kafka.strimzi.io/v1";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  static {
    SERIALIZATION.registerKubernetesResource(STRIMZI_V1, "Kafka", Kafka.class);
    SERIALIZATION.registerKubernetesResource(STRIMZI_V1, "KafkaNodePool", KafkaNodePool.class);
    SERIALIZATION.registerKubernetesResource(STRIMZI_V1, "KafkaTopic", KafkaTopic.class);
  }

  private Manifests() {
  }

  /** Every document of a multi-document YAML stream, typed where a model exists. */
  static List<HasMetadata> parse(String yaml) {
    Object parsed = SERIALIZATION.unmarshal(yaml);
    if (parsed instanceof List<?> documents) {
      return documents.stream().map(HasMetadata.class::cast).toList();
    }
    return List.of((HasMetadata) parsed);
  }
}
