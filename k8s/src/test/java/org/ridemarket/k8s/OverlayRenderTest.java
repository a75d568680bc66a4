package org.ridemarket.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OverlayRenderTest {

  private static final List<String> PRODUCTION_KINDS = List.of("Cluster", "ConfigMap", "Deployment",
      "HorizontalPodAutoscaler", "Kafka", "KafkaNodePool", "KafkaTopic", "NetworkPolicy", "PodDisruptionBudget",
      "PodMonitor", "PrometheusRule", "Service", "ServiceMonitor", "StatefulSet");
  // dev: no autoscaling (one replica each), the simulator Job, and the dev API keys as a Secret.
  private static final List<String> DEV_KINDS = List.of("Cluster", "ConfigMap", "Deployment", "Job", "Kafka",
      "KafkaNodePool", "KafkaTopic", "NetworkPolicy", "PodDisruptionBudget", "PodMonitor", "PrometheusRule",
      "Secret", "Service", "ServiceMonitor", "StatefulSet");

  static List<String> overlays() {
    return Overlays.ALL;
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldParseEveryResourceIntoATypedModelExceptCloudNativePg(String overlay) {
    // given the rendered overlay
    Overlays.Rendered rendered = Overlays.render(overlay);

    // then only CloudNativePG's Cluster, which has no Java model, is left generic
    List<HasMetadata> generic = rendered.resources().stream().filter(GenericKubernetesResource.class::isInstance).toList();
    assertThat(generic).extracting(HasMetadata::getKind).containsOnly("Cluster");
    assertThat(generic).extracting(HasMetadata::getApiVersion).containsOnly("postgresql.cnpg.io/v1");
    assertThat(rendered.all(Kafka.class)).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"prod", "prod-region-b"})
  void shouldRenderTheProductionKinds(String overlay) {
    // given a production overlay
    Overlays.Rendered rendered = Overlays.render(overlay);

    // then it has exactly the kinds of a highly available region
    assertThat(rendered.kinds()).containsExactlyElementsOf(PRODUCTION_KINDS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev"})
  void shouldRenderTheDevKinds(String overlay) {
    // given the dev overlay
    Overlays.Rendered rendered = Overlays.render(overlay);

    // then it has the production kinds less autoscaling, plus the simulator Job and the dev keys
    assertThat(rendered.kinds()).containsExactlyElementsOf(DEV_KINDS);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldPutEveryResourceInTheOverlaysNamespace(String overlay) {
    // given the rendered overlay
    Overlays.Rendered rendered = Overlays.render(overlay);

    // then every resource is namespaced to the overlay's one namespace
    assertThat(rendered.resources()).extracting(resource -> resource.getMetadata().getNamespace())
        .containsOnly(overlay.equals("dev") ? "ridemarket-dev" : "ridemarket");
  }
}
