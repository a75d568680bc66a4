package org.ridemarket.features.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.model.GateReport;
import org.ridemarket.contracts.model.ModelArtifactLayout;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.contracts.model.ModelSignatureJson;
import org.ridemarket.topologies.congestion.CongestionSettings;

/** A model trained on congestion vectors of other settings than the app computes is flagged, naming the setting. */
class ModelSettingsCheckTest {

  private static final Map<String, String> DEFAULTS = CongestionSettings.defaults().signatureSettings();

  @TempDir
  Path artifacts;

  @Test
  void shouldPassModelsTrainedWithTheSettingsTheAppComputes() throws IOException {
    // given an ETA model trained on the default topology and an old one that recorded no settings
    publish("eta-nyc", "1", Instant.parse("2026-12-02T10:00:00Z"), DEFAULTS);
    publish("eta", "1", Instant.parse("2026-11-21T10:00:00Z"), Map.of());

    // when the app computes with the defaults, then nothing is refused and readiness is UP
    ModelSettingsCheck check = new ModelSettingsCheck(artifacts, ModelSettingsHealth.FAMILY, DEFAULTS);
    assertThat(check.refused()).isEmpty();
    assertThat(ModelSettingsHealth.response(artifacts, check.refused()).getStatus())
        .isEqualTo(HealthCheckResponse.Status.UP);
  }

  @Test
  void shouldRefuseAModelWhenTheAppComputesAnotherWindow() throws IOException {
    // given an ETA model trained on the default topology
    publish("eta-nyc", "1", Instant.parse("2026-12-02T10:00:00Z"), DEFAULTS);

    // when the app's trip-speed window changes from 60 to 30 minutes
    Map<String, String> computed = new HashMap<>(DEFAULTS);
    computed.put("congestion.trip-speed-windows", "PT15M,PT30M");
    ModelSettingsCheck check = new ModelSettingsCheck(artifacts, ModelSettingsHealth.FAMILY, computed);

    // then the model is refused, naming the window with both values, and readiness is DOWN
    assertThat(check.refused()).containsOnlyKeys("eta-nyc:1");
    assertThat(check.refused().get("eta-nyc:1")).contains("congestion.trip-speed-windows")
        .contains("trained with PT15M,PT1H, computed with PT15M,PT30M");
    HealthCheckResponse response = ModelSettingsHealth.response(artifacts, check.refused());
    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(response.getData().orElseThrow()).containsKey("eta-nyc:1");
  }

  @Test
  void shouldRefuseAModelWhenTheAppsConfiguredGraceDiffers() throws IOException {
    // given an ETA model trained on the default topology
    publish("eta-nyc", "1", Instant.parse("2026-12-02T10:00:00Z"), DEFAULTS);

    // when the app is configured with 5 minutes of grace instead of 2
    CongestionSettings d = CongestionSettings.defaults();
    CongestionSettings configured = new CongestionSettings(Duration.ofMinutes(5), d.maxFutureSkew(),
        d.movingSpeedMps(), d.sweepInterval(), d.refreshInterval(), d.idleTimeout(), d.freeFlowHalfLife(),
        d.freeFlowMinWeight());

    // then the model is refused for its grace
    assertThat(new ModelSettingsCheck(artifacts, ModelSettingsHealth.FAMILY, configured.signatureSettings())
        .refused().get("eta-nyc:1")).contains("congestion.grace").contains("trained with PT2M, computed with PT5M");
  }

  @Test
  void shouldCheckOnlyTheNewestVersionAndOnlyTheAppsFamilyOfSettings() throws IOException {
    // given an old ETA version trained with 1 minute of grace, replaced by one trained with the defaults,
    // and a fraud model that recorded velocity settings this app's congestion check does not compute
    Map<String, String> old = new HashMap<>(DEFAULTS);
    old.put("congestion.grace", "PT1M");
    publish("eta-nyc", "1", Instant.parse("2026-12-01T10:00:00Z"), old);
    publish("eta-nyc", "2", Instant.parse("2026-12-02T10:00:00Z"), DEFAULTS);
    publish("fraud", "3", Instant.parse("2026-12-02T10:00:00Z"), Map.of("velocity.window-long", "P30D"));

    // then nothing is refused
    assertThat(new ModelSettingsCheck(artifacts, ModelSettingsHealth.FAMILY, DEFAULTS).refused()).isEmpty();
  }

  @Test
  void shouldFindNothingToRefuseWithoutAStore() {
    assertThat(new ModelSettingsCheck(artifacts.resolve("absent"), ModelSettingsHealth.FAMILY, DEFAULTS).refused())
        .isEmpty();
  }

  private void publish(String name, String version, Instant createdAt, Map<String, String> settings)
      throws IOException {
    ModelSignature signature = new ModelSignature(name, version, List.of("baseline_seconds"), "reg:squarederror",
        "features", "prediction", Instant.parse("2018-01-01T05:00:00Z"), Instant.parse("2019-01-01T05:00:00Z"),
        Map.of(), createdAt, "0".repeat(64),
        new GateReport(10, 10, 0, GateReport.DEFAULT_TOLERANCE, Arrays.asList(1f), "held-out", 0.1, 0.1),
        "test history", settings);
    Path file = ModelArtifactLayout.signatureFile(artifacts, name, version);
    Files.createDirectories(file.getParent());
    Files.write(file, ModelSignatureJson.write(signature));
  }
}
