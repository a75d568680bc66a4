package org.ridemarket.features.models;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.ridemarket.features.FeaturesConfig;
import org.ridemarket.features.TopologyProducer;
import org.ridemarket.features.congestion.CongestionStreams;

/**
 * The models of the artifact store whose recorded topology settings differ from the ones this app computes,
 * in the readiness checks as {@code model-settings}: DOWN, naming each model and setting, while the newest
 * version of any model was trained on congestion, supply/demand or velocity vectors of another window, grace or
 * bucket (ADR 0025). Each family's recorded settings are compared with this app's settings of that family only.
 * Read on each probe, so a model published or replaced later is checked without a restart.
 */
@ApplicationScoped
class ModelSettingsHealth {

  static final String NAME = "model-settings";
  static final String CONGESTION = "congestion.";
  static final String SUPPLY_DEMAND = "supply-demand.";
  static final String VELOCITY = "velocity.";

  private final ModelSettingsCheck check;

  ModelSettingsHealth(FeaturesConfig config) {
    this.check = new ModelSettingsCheck(Path.of(config.modelsDir()), Map.of(
        CONGESTION, CongestionStreams.settings(config.congestion()).signatureSettings(),
        SUPPLY_DEMAND, TopologyProducer.supplyDemandSettings(config).signatureSettings(),
        VELOCITY, TopologyProducer.velocitySettings(config.velocity()).signatureSettings()));
  }

  @Produces
  @Readiness
  HealthCheck ready() {
    return () -> response(check.artifacts(), check.refused());
  }

  static HealthCheckResponse response(Path artifacts, Map<String, String> refused) {
    HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(refused.isEmpty())
        .withData("artifacts", artifacts.toAbsolutePath().toString());
    refused.forEach(response::withData);
    return response.build();
  }
}
