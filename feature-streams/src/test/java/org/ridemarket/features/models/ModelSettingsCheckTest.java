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
import org.ridemarket.topologies.supplydemand.SupplyDemandSettings;
import org.ridemarket.topologies.velocity.VelocitySettings;

/** A model trained on feature vectors of other settings than the app computes is flagged, naming the setting. */
class ModelSettingsCheckTest {

  private static final Map<String, String> DEFAULTS = CongestionSettings.defaults().signatureSettings();
  private static final Map<String, String> SUPPLY_DEMAND = SupplyDemandSettings.defaults().signatureSettings();
  private static final Map<String, String> VELOCITY = VelocitySettings.defaults().signatureSettings();

  @TempDir
  Path artifacts;

  @Test
  void shouldPassModelsTrainedWithTheSettingsTheAppComputes() throws IOException {
    // given an ETA model trained on the default topology and an old one that recorded no settings
    publish("eta-nyc", "1", Instant.parse("2026-12-02T10:00:00Z"), DEFAULTS);
    publish("eta", "1", Instant.parse("2026-11-21T10:00:00Z"), Map.of());

    // when the app computes with the defaults, then nothing is refused and readiness is UP
    ModelSettingsCheck check = new ModelSettingsCheck(artifacts, Map.of(ModelSettingsHealth.CONGESTION, DEFAULTS));
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
    ModelSettingsCheck check = new ModelSettingsCheck(artifacts, Map.of(ModelSettingsHealth.CONGESTION, computed));

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
    assertThat(new ModelSettingsCheck(artifacts, Map.of(ModelSettingsHealth.CONGESTION, configured.signatureSettings()))
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
    assertThat(new ModelSettingsCheck(artifacts, Map.of(ModelSettingsHealth.CONGESTION, DEFAULTS)).refused()).isEmpty();
  }

  @Test
  void shouldFindNothingToRefuseWithoutAStore() {
    assertThat(new ModelSettingsCheck(artifacts.resolve("absent"), Map.of(ModelSettingsHealth.CONGESTION, DEFAULTS))
        .refused())
        .isEmpty();
  }

  @Test
  void shouldPassEveryFamilyWhenTheAppComputesWhatTheModelsWereTrainedWith() throws IOException {
    // given an ETA, a surge and a fraud model, each trained on its family's default topology
    publishEveryFamily();

    // when the app computes every family with the defaults, then nothing is refused
    assertThat(checkEveryFamily(DEFAULTS, SUPPLY_DEMAND, VELOCITY).refused()).isEmpty();
  }

  @Test
  void shouldRefuseTheSurgeModelWhenTheAppComputesAnotherSupplyDemandWindow() throws IOException {
    // given an ETA, a surge and a fraud model, each trained on its family's default topology
    publishEveryFamily();

    // when the app's request windows change from 1, 5, 15 minutes to 1, 10, 15
    Map<String, String> computed = new HashMap<>(SUPPLY_DEMAND);
    computed.put("supply-demand.request-windows", "PT1M,PT10M,PT15M");
    ModelSettingsCheck check = checkEveryFamily(DEFAULTS, computed, VELOCITY);

    // then only the surge model is refused, naming the window with both values, and readiness is DOWN
    assertThat(check.refused()).containsOnlyKeys("surge:1");
    assertThat(check.refused().get("surge:1")).contains("supply-demand.request-windows")
        .contains("trained with PT1M,PT5M,PT15M, computed with PT1M,PT10M,PT15M");
    assertThat(ModelSettingsHealth.response(artifacts, check.refused()).getStatus())
        .isEqualTo(HealthCheckResponse.Status.DOWN);
  }

  @Test
  void shouldRefuseTheSurgeModelWhenTheAppsConfiguredDriverSilenceTimeoutDiffers() throws IOException {
    // given a surge model trained on the default supply/demand topology
    publishEveryFamily();

    // when the app is configured to forget silent drivers after 5 minutes instead of 3
    SupplyDemandSettings d = SupplyDemandSettings.defaults();
    SupplyDemandSettings configured = new SupplyDemandSettings(d.grace(), d.maxFutureSkew(), Duration.ofMinutes(5),
        d.minEmitInterval(), d.refreshInterval(), d.flushInterval());

    // then the surge model is refused for it
    assertThat(checkEveryFamily(DEFAULTS, configured.signatureSettings(), VELOCITY).refused())
        .containsOnlyKeys("surge:1").extractingByKey("surge:1").asString()
        .contains("supply-demand.driver-silence-timeout").contains("trained with PT3M, computed with PT5M");
  }

  @Test
  void shouldRefuseTheFraudModelWhenTheAppComputesAnotherVelocityWindowOrGrace() throws IOException {
    // given an ETA, a surge and a fraud model, each trained on its family's default topology
    publishEveryFamily();

    // when the app's minute window is built of 20-second buckets and its grace is 5 minutes
    Map<String, String> computed = new HashMap<>(VELOCITY);
    computed.put("velocity.windows", "PT1M/PT20S,PT1H/PT1M,PT24H/PT15M,PT168H/PT1H,PT720H/PT6H");
    VelocitySettings d = VelocitySettings.defaults();
    computed.put("velocity.grace", new VelocitySettings(Duration.ofMinutes(5), d.maxFutureSkew(), d.idleTimeout(),
        d.sweepInterval(), d.sweepLimit()).signatureSettings().get("velocity.grace"));
    ModelSettingsCheck check = checkEveryFamily(DEFAULTS, SUPPLY_DEMAND, computed);

    // then only the fraud model is refused, naming both settings
    assertThat(check.refused()).containsOnlyKeys("fraud:3");
    assertThat(check.refused().get("fraud:3")).contains("velocity.windows").contains("computed with PT1M/PT20S")
        .contains("velocity.grace").contains("trained with PT2M, computed with PT5M");
  }

  @Test
  void shouldNameEachFamilyAModelDiffersIn() throws IOException {
    // given a model that recorded congestion and supply/demand settings
    Map<String, String> both = new HashMap<>(DEFAULTS);
    both.putAll(SUPPLY_DEMAND);
    publish("eta-nyc", "1", Instant.parse("2026-12-02T10:00:00Z"), both);

    // when the app computes both with another grace
    Map<String, String> congestion = new HashMap<>(DEFAULTS);
    congestion.put("congestion.grace", "PT5M");
    Map<String, String> supplyDemand = new HashMap<>(SUPPLY_DEMAND);
    supplyDemand.put("supply-demand.grace", "PT5M");

    // then the model is refused for both
    assertThat(checkEveryFamily(congestion, supplyDemand, VELOCITY).refused().get("eta-nyc:1"))
        .contains("congestion.grace").contains("supply-demand.grace");
  }

  private void publishEveryFamily() throws IOException {
    publish("eta-nyc", "1", Instant.parse("2026-12-02T10:00:00Z"), DEFAULTS);
    publish("surge", "1", Instant.parse("2026-12-02T10:00:00Z"), SUPPLY_DEMAND);
    publish("fraud", "3", Instant.parse("2026-12-02T10:00:00Z"), VELOCITY);
  }

  private ModelSettingsCheck checkEveryFamily(Map<String, String> congestion, Map<String, String> supplyDemand,
      Map<String, String> velocity) {
    return new ModelSettingsCheck(artifacts, Map.of(ModelSettingsHealth.CONGESTION, congestion,
        ModelSettingsHealth.SUPPLY_DEMAND, supplyDemand, ModelSettingsHealth.VELOCITY, velocity));
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
