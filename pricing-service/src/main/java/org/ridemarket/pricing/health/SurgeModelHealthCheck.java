package org.ridemarket.pricing.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.ridemarket.pricing.inference.SurgeModels;

/**
 * Ready only with a verified surge model in service. An instance without one still answers
 * (degraded), but a rollout with a missing or mismatched model stops at its first instance.
 */
@Readiness
@ApplicationScoped
public class SurgeModelHealthCheck implements HealthCheck {

  private final SurgeModels models;

  SurgeModelHealthCheck(SurgeModels models) {
    this.models = models;
  }

  @Override
  public HealthCheckResponse call() {
    return models.current()
        .map(model -> HealthCheckResponse.named("surge-model").up()
            .withData("model", model.id())
            .withData("trainedTo", model.signature().trainedTo().toString())
            .build())
        .orElseGet(() -> HealthCheckResponse.named("surge-model").down()
            .withData("reason", models.unavailableReason().orElse("unknown"))
            .build());
  }
}
