package org.ridemarket.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import org.junit.jupiter.api.Test;

class RegionTest {

  @Test
  void shouldRunItsOwnKafkaRedisPostgresAndServicesInRegionB() {
    // given region b
    Overlays.Rendered regionB = Overlays.render("prod-region-b");

    // then it has every piece of a region, and its apps point at its own infrastructure
    assertThat(regionB.all(Kafka.class)).hasSize(1);
    assertThat(regionB.named(StatefulSet.class, "redis")).isNotNull();
    assertThat(regionB.named(StatefulSet.class, "feature-streams")).isNotNull();
    assertThat(regionB.named(GenericKubernetesResource.class, "ridemarket-pg").getKind()).isEqualTo("Cluster");
    assertThat(regionB.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
        .contains("pricing-service", "eta-service", "fraud-service");
    assertThat(regionB.named(ConfigMap.class, "ridemarket-infra").getData())
        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "ridemarket-kafka-bootstrap:9092")
        .containsEntry("POSTGRES_URL", "postgresql://ridemarket-pg-rw:5432/ridemarket");
  }

  @Test
  void shouldNameNothingOfRegionAInRegionB() {
    // given region b, as text
    KubernetesSerialization yaml = new KubernetesSerialization();
    String rendered = Overlays.render("prod-region-b").resources().stream().map(yaml::asYaml)
        .reduce("", String::concat);

    // then no address, label or attribute of region a is in it: a region fails alone
    assertThat(rendered).doesNotContain("region-a").contains("region-b");
  }

  @Test
  void shouldLabelEveryResourceWithItsRegion() {
    // given region b
    Overlays.Rendered regionB = Overlays.render("prod-region-b");

    // then every resource, and every pod it runs, says which region it belongs to
    assertThat(regionB.resources()).extracting(HasMetadata::getMetadata)
        .allSatisfy(meta -> assertThat(meta.getLabels()).containsEntry("ridemarket.org/region", "region-b"));
    assertThat(PodTemplates.of(regionB)).allSatisfy(pod ->
        assertThat(pod.template().getMetadata().getLabels()).containsEntry("ridemarket.org/region", "region-b"));
  }
}
