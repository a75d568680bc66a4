package org.ridemarket.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvailabilityTest {

  private static final List<String> DECISION_SERVICES = List.of("pricing-service", "eta-service", "fraud-service");

  static List<String> production() {
    return Overlays.PRODUCTION;
  }

  @ParameterizedTest
  @MethodSource("production")
  void shouldAutoscaleTheThreeDecisionServicesFromSeveralReplicas(String overlay) {
    // given a production overlay
    Overlays.Rendered rendered = Overlays.render(overlay);

    // then each decision service has an HPA on CPU that never goes below two pods
    List<HorizontalPodAutoscaler> hpas = rendered.all(HorizontalPodAutoscaler.class);
    assertThat(hpas).extracting(hpa -> hpa.getSpec().getScaleTargetRef().getName())
        .containsExactlyInAnyOrderElementsOf(DECISION_SERVICES);
    assertThat(hpas).allSatisfy(hpa -> {
      assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
      assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
      assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
      assertThat(hpa.getSpec().getMetrics()).extracting(metric -> metric.getResource().getName()).contains("cpu");
    });
    // and the Deployments leave the count to it
    assertThat(rendered.all(Deployment.class).stream()
        .filter(d -> DECISION_SERVICES.contains(d.getMetadata().getName())))
        .allSatisfy(deployment -> assertThat(deployment.getSpec().getReplicas()).isNull());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldBudgetDisruptionsOfEveryWorkload(String overlay) {
    // given every Deployment and StatefulSet
    Overlays.Rendered rendered = Overlays.render(overlay);
    List<PodDisruptionBudget> budgets = rendered.all(PodDisruptionBudget.class);

    // then a budget selects the pods of each
    List<String> unbudgeted = PodTemplates.of(rendered).stream().filter(PodTemplates::longRunning)
        .filter(workload -> budgets.stream().noneMatch(pdb ->
            Selectors.matches(pdb.getSpec().getSelector(), workload.template().getMetadata().getLabels())))
        .map(PodTemplates::workload).toList();
    assertThat(unbudgeted).isEmpty();
  }

  static List<String> overlays() {
    return Overlays.ALL;
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldKeepFeatureStreamsStateOnItsOwnVolume(String overlay) {
    // given feature-streams
    StatefulSet streams = Overlays.render(overlay).named(StatefulSet.class, "feature-streams");

    // then its Kafka Streams state directory is a per-pod claim, not the pod's file system
    Container container = streams.getSpec().getTemplate().getSpec().getContainers().get(0);
    String stateDir = env(container, "FEATURES_STATE_DIR");
    assertThat(streams.getSpec().getVolumeClaimTemplates()).extracting(claim -> claim.getMetadata().getName())
        .containsExactly("state");
    assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
      assertThat(mount.getName()).isEqualTo("state");
      assertThat(mount.getMountPath()).isEqualTo(stateDir);
    });
  }

  @ParameterizedTest
  @MethodSource("production")
  void shouldRunPostgresWithASynchronousStandbyAcrossZones(String overlay) {
    // given the CloudNativePG cluster
    Map<String, Object> spec = spec(cluster(Overlays.render(overlay)));

    // then three instances, a quorum commit to one standby, one instance per zone
    assertThat(spec.get("instances")).isEqualTo(3);
    assertThat(map(map(spec, "postgresql"), "synchronous")).containsEntry("number", 1)
        .containsEntry("dataDurability", "required");
    assertThat(map(spec, "affinity")).containsEntry("topologyKey", "topology.kubernetes.io/zone");
  }

  @ParameterizedTest
  @MethodSource("production")
  void shouldRunRedisAsAPrimaryWithReplicasUnderSentinel(String overlay) {
    // given Redis and the apps' configuration
    Overlays.Rendered rendered = Overlays.render(overlay);
    StatefulSet redis = rendered.named(StatefulSet.class, "redis");

    // then three pods with a Redis and a Sentinel each, and the apps ask the Sentinels for the primary
    assertThat(redis.getSpec().getReplicas()).isEqualTo(3);
    assertThat(redis.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getName)
        .containsExactly("redis", "sentinel");
    assertThat(rendered.named(ConfigMap.class, "ridemarket-infra").getData())
        .containsEntry("REDIS_URL", "redis-sentinel://redis-sentinel:26379/0#features");
  }

  @ParameterizedTest
  @MethodSource("production")
  void shouldTraceAtATenPercentSampleThroughTheCollector(String overlay) {
    // given the apps' configuration
    Map<String, String> config = Overlays.render(overlay).named(ConfigMap.class, "ridemarket-infra").getData();

    // then the SDK is on, sampling 10 % of new traces and following the caller's decision
    assertThat(config).containsEntry("QUARKUS_OTEL_SDK_DISABLED", "false")
        .containsEntry("QUARKUS_OTEL_TRACES_SAMPLER", "parentbased_traceidratio")
        .containsEntry("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0.1")
        .containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4317")
        .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4317");
    assertThat(Overlays.render(overlay).named(Deployment.class, "otel-collector").getSpec().getReplicas())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldRunOneReplicaOfEverythingInDev() {
    // given the dev overlay
    Overlays.Rendered dev = Overlays.render("dev");

    // then every Deployment and StatefulSet runs one pod, and PostgreSQL one instance
    assertThat(dev.all(Deployment.class)).allSatisfy(deployment ->
        assertThat(deployment.getSpec().getReplicas()).as(deployment.getMetadata().getName()).isIn(null, 1));
    assertThat(dev.all(StatefulSet.class)).allSatisfy(set ->
        assertThat(set.getSpec().getReplicas()).as(set.getMetadata().getName()).isEqualTo(1));
    assertThat(spec(cluster(dev)).get("instances")).isEqualTo(1);
    assertThat(map(spec(cluster(dev)), "postgresql")).doesNotContainKey("synchronous");
  }

  private static GenericKubernetesResource cluster(Overlays.Rendered rendered) {
    return rendered.named(GenericKubernetesResource.class, "ridemarket-pg");
  }

  private static Map<String, Object> spec(GenericKubernetesResource resource) {
    return map(resource.getAdditionalProperties(), "spec");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }

  private static String env(Container container, String name) {
    return container.getEnv().stream().filter(env -> env.getName().equals(name)).map(EnvVar::getValue)
        .findFirst().orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
  }
}
