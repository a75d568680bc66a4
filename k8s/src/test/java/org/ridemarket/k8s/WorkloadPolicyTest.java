package org.ridemarket.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WorkloadPolicyTest {

  private static final List<String> QUARKUS_APPS = List.of("feature-streams", "pricing-service", "eta-service",
      "fraud-service");
  // Our images: the immutable sha-<commit> tag they were built from, or a digest.
  private static final Pattern OUR_IMAGE =
      Pattern.compile("registry\\.ridemarket\\.internal/ridemarket/[a-z0-9-]+(:sha-[0-9a-f]{7,40}|@sha256:[0-9a-f]{64})");
  // Everyone else's: a full x.y.z release (optionally with a suffix), or a digest. Never a moving tag.
  private static final Pattern THIRD_PARTY_IMAGE =
      Pattern.compile("[a-z0-9./-]+(:v?\\d+\\.\\d+\\.\\d+([-.][A-Za-z0-9.-]+)?|@sha256:[0-9a-f]{64})");
  // PostgreSQL numbers its releases major.minor: 17.7 is one exact release, not a moving line.
  private static final Pattern POSTGRES_IMAGE =
      Pattern.compile("ghcr\\.io/cloudnative-pg/postgresql(:\\d+\\.\\d+([-.][A-Za-z0-9.-]+)?|@sha256:[0-9a-f]{64})");

  static List<String> overlays() {
    return Overlays.ALL;
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldProbeEveryLongRunningContainerForStartLifeAndReadiness(String overlay) {
    // given the long-running workloads of the overlay
    List<PodTemplates> workloads = PodTemplates.of(Overlays.render(overlay)).stream()
        .filter(PodTemplates::longRunning).toList();

    // then each of their containers has the three probes
    assertThat(workloads).isNotEmpty().allSatisfy(workload ->
        assertThat(workload.spec().getContainers()).allSatisfy(container -> {
          assertThat(container.getStartupProbe()).as(workload.workload() + " " + container.getName() + " startup").isNotNull();
          assertThat(container.getLivenessProbe()).as(workload.workload() + " " + container.getName() + " liveness").isNotNull();
          assertThat(container.getReadinessProbe()).as(workload.workload() + " " + container.getName() + " readiness").isNotNull();
        }));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldProbeTheQuarkusAppsOnTheirSmallRyeHealthEndpoints(String overlay) {
    // given the Quarkus apps' containers
    List<PodTemplates> apps = PodTemplates.of(Overlays.render(overlay)).stream()
        .filter(workload -> QUARKUS_APPS.contains(workload.appName())).toList();

    // then startup, liveness and readiness ask /q/health/started, /live and /ready on the app's port
    assertThat(apps).extracting(PodTemplates::appName).containsExactlyInAnyOrderElementsOf(QUARKUS_APPS);
    assertThat(apps).allSatisfy(app -> {
      Container container = app.spec().getContainers().get(0);
      assertThat(httpPath(container.getStartupProbe())).isEqualTo("/q/health/started");
      assertThat(httpPath(container.getLivenessProbe())).isEqualTo("/q/health/live");
      assertThat(httpPath(container.getReadinessProbe())).isEqualTo("/q/health/ready");
      assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    });
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldGiveEveryContainerCpuAndMemoryRequestsAndLimits(String overlay) {
    // given every container, init containers and the Job's included
    List<String> missing = new ArrayList<>();
    for (PodTemplates workload : PodTemplates.of(Overlays.render(overlay))) {
      workload.allContainers().forEach(container -> {
        var resources = container.getResources();
        for (String resource : List.of("cpu", "memory")) {
          if (resources == null || !resources.getRequests().containsKey(resource)) {
            missing.add(workload.workload() + " " + container.getName() + " requests." + resource);
          }
          if (resources == null || !resources.getLimits().containsKey(resource)) {
            missing.add(workload.workload() + " " + container.getName() + " limits." + resource);
          }
        }
      });
    }

    // then none lacks a request or a limit
    assertThat(missing).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldRunEveryContainerAsNonRootWithAReadOnlyRootAndNoCapabilities(String overlay) {
    // given every workload
    List<PodTemplates> workloads = PodTemplates.of(Overlays.render(overlay));

    // then pods are non-root under the runtime's seccomp profile, and every container is locked down
    assertThat(workloads).allSatisfy(workload -> {
      var pod = workload.spec().getSecurityContext();
      assertThat(pod.getRunAsNonRoot()).as(workload.workload() + " runAsNonRoot").isTrue();
      assertThat(pod.getRunAsUser()).as(workload.workload() + " runAsUser").isPositive();
      assertThat(pod.getSeccompProfile().getType()).as(workload.workload() + " seccomp").isEqualTo("RuntimeDefault");
      assertThat(workload.spec().getAutomountServiceAccountToken()).as(workload.workload() + " token").isFalse();
      workload.allContainers().forEach(container -> {
        var security = container.getSecurityContext();
        String what = workload.workload() + " " + container.getName();
        assertThat(security.getRunAsNonRoot()).as(what + " runAsNonRoot").isTrue();
        assertThat(security.getReadOnlyRootFilesystem()).as(what + " readOnlyRootFilesystem").isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).as(what + " allowPrivilegeEscalation").isFalse();
        assertThat(security.getCapabilities().getDrop()).as(what + " drops").contains("ALL");
        assertThat(security.getCapabilities().getAdd()).as(what + " adds").isEmpty();
        assertThat(security.getPrivileged()).as(what + " privileged").isNotEqualTo(Boolean.TRUE);
      });
    });
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldGiveTheJvmAppsAWritableTmpForNativeLibraries(String overlay) {
    // given the JVM apps (ONNX Runtime and RocksDB extract native libraries to java.io.tmpdir)
    List<PodTemplates> jvmApps = PodTemplates.of(Overlays.render(overlay)).stream()
        .filter(workload -> QUARKUS_APPS.contains(workload.appName()) || "simulator".equals(workload.appName()))
        .toList();

    // then /tmp is an emptyDir, since the root file system is read-only
    assertThat(jvmApps).allSatisfy(app -> {
      Container container = app.spec().getContainers().get(0);
      var tmp = container.getVolumeMounts().stream().filter(mount -> mount.getMountPath().equals("/tmp")).findFirst();
      assertThat(tmp).as(app.workload() + " /tmp").isPresent();
      Volume volume = app.spec().getVolumes().stream().filter(v -> v.getName().equals(tmp.get().getName()))
          .findFirst().orElseThrow();
      assertThat(volume.getEmptyDir()).as(app.workload() + " /tmp volume").isNotNull();
    });
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldPinEveryImage(String overlay) {
    // given every image an overlay runs, PostgreSQL's included
    Overlays.Rendered rendered = Overlays.render(overlay);
    List<String> images = new ArrayList<>();
    PodTemplates.of(rendered).forEach(workload -> workload.allContainers().map(Container::getImage).forEach(images::add));
    rendered.all(GenericKubernetesResource.class).stream()
        .filter(resource -> resource.getKind().equals("Cluster"))
        .forEach(cluster -> images.add((String) ((Map<?, ?>) cluster.getAdditionalProperties().get("spec")).get("imageName")));

    // then each is ours at an immutable commit tag, or a third party's at an exact release, never latest
    assertThat(images).isNotEmpty().allSatisfy(image -> {
      assertThat(image).doesNotEndWith(":latest").doesNotContain(":latest@");
      if (image.startsWith("registry.ridemarket.internal/")) {
        assertThat(image).as("our image").matches(OUR_IMAGE);
      } else if (image.startsWith("ghcr.io/cloudnative-pg/postgresql")) {
        assertThat(image).as("PostgreSQL image").matches(POSTGRES_IMAGE);
      } else {
        assertThat(image).as("third-party image").matches(THIRD_PARTY_IMAGE);
      }
    });
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldTakeConfigurationFromConfigMapsAndKeysFromSecrets(String overlay) {
    // given the Quarkus apps' containers
    List<PodTemplates> apps = PodTemplates.of(Overlays.render(overlay)).stream()
        .filter(workload -> QUARKUS_APPS.contains(workload.appName())).toList();

    // then the infrastructure contract comes from the ConfigMap, and no secret is written inline
    assertThat(apps).allSatisfy(app -> {
      Container container = app.spec().getContainers().get(0);
      assertThat(container.getEnvFrom()).anySatisfy(source ->
          assertThat(source.getConfigMapRef().getName()).isEqualTo("ridemarket-infra"));
      for (EnvVar env : container.getEnv()) {
        if (env.getName().matches(".*(KEYS?|PASSWORD|SECRET|TOKEN)$")) {
          assertThat(env.getValue()).as(app.workload() + " " + env.getName() + " inline").isNull();
          assertThat(env.getValueFrom().getSecretKeyRef()).as(app.workload() + " " + env.getName()).isNotNull();
        }
      }
    });
    Container fraud = apps.stream().filter(app -> app.appName().equals("fraud-service")).findFirst().orElseThrow()
        .spec().getContainers().get(0);
    assertThat(fraud.getEnv()).extracting(EnvVar::getName).contains("FRAUD_API_KEYS", "FRAUD_ANALYST_KEYS",
        "SERVING_ADMIN_KEYS", "POSTGRES_USER", "POSTGRES_PASSWORD");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldServeEachDecisionServiceOnItsPort(String overlay) {
    // given the overlay's Services
    Overlays.Rendered rendered = Overlays.render(overlay);

    // then each decision service listens where the README says
    assertThat(rendered.named(Service.class, "pricing-service").getSpec().getPorts().get(0).getPort()).isEqualTo(8081);
    assertThat(rendered.named(Service.class, "eta-service").getSpec().getPorts().get(0).getPort()).isEqualTo(8082);
    assertThat(rendered.named(Service.class, "fraud-service").getSpec().getPorts().get(0).getPort()).isEqualTo(8083);
    assertThat(rendered.named(Service.class, "feature-streams-headless").getSpec().getPorts().get(0).getPort())
        .isEqualTo(8090);
  }

  /** The model a decision service serves, the variable that pins its version, and every model of that version. */
  private record ServedModel(String name, String versionVariable, List<String> files) {
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void shouldServeACommittedModelVersionAndNameItInThePodLabel(String overlay) {
    // given each decision service and the models it serves
    Map<String, ServedModel> served = Map.of(
        "pricing-service", new ServedModel("surge", "PRICING_MODEL_VERSION", List.of("surge")),
        "eta-service", new ServedModel("eta", "ETA_MODEL_VERSION", List.of("eta", "eta-p10", "eta-p90")),
        "fraud-service", new ServedModel("fraud", "FRAUD_MODEL_VERSION", List.of("fraud")));
    List<PodTemplates> apps = PodTemplates.of(Overlays.render(overlay)).stream()
        .filter(workload -> served.containsKey(workload.appName())).toList();

    // then the pinned version is published in models/artifacts (for every model the service runs), and the pod
    // label the dashboards read names that same version
    assertThat(apps).hasSize(3).allSatisfy(app -> {
      ServedModel model = served.get(app.appName());
      String version = app.spec().getContainers().get(0).getEnv().stream()
          .filter(env -> env.getName().equals(model.versionVariable())).map(EnvVar::getValue).findFirst()
          .orElseThrow();
      assertThat(app.template().getMetadata().getLabels()).as(app.workload())
          .containsEntry("ridemarket.org/model", model.name() + "-" + version);
      for (String name : model.files()) {
        assertThat(Path.of("..", "models", "artifacts", name, name + "-" + version + ".signature.json"))
            .as(app.workload() + " serves " + name + ":" + version).isRegularFile();
      }
    });
  }

  private static String httpPath(Probe probe) {
    return probe.getHttpGet().getPath();
  }
}
