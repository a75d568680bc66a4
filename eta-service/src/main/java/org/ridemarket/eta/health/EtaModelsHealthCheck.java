package org.ridemarket.eta.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.ridemarket.eta.inference.EtaModels;

/**
 * Ready only with the three verified ETA models in service. An instance without them still answers
 * (degraded), but a rollout with a missing or mismatched model stops at its first instance.
 */
@Readiness
@ApplicationScoped
public class EtaModelsHealthCheck implements HealthCheck {

  private final EtaModels models;

  EtaModelsHealthCheck(EtaModels models) {
    this.models = models;
  }

  @Override
  public HealthCheckResponse call() {
    return models.current()
        .map(trio -> HealthCheckResponse.named("eta-models").up()
            .withData("point", trio.point().id())
            .withData("p10", trio.p10().id())
            .withData("p90", trio.p90().id())
            .withData("trainedTo", trio.point().signature().trainedTo().toString())
            .build())
        .orElseGet(() -> HealthCheckResponse.named("eta-models").down()
            .withData("reason", models.unavailableReason().orElse("unknown"))
            .build());
  }
}
