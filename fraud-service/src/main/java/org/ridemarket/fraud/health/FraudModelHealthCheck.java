package org.ridemarket.fraud.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.ridemarket.fraud.inference.FraudModels;

/**
 * Ready only with a verified fraud model in service. An instance without one still answers
 * (rules only, degraded), but a rollout with a missing or mismatched model stops at its first instance.
 */
@Readiness
@ApplicationScoped
public class FraudModelHealthCheck implements HealthCheck {

  private final FraudModels models;

  FraudModelHealthCheck(FraudModels models) {
    this.models = models;
  }

  @Override
  public HealthCheckResponse call() {
    return models.current()
        .map(model -> HealthCheckResponse.named("fraud-model").up()
            .withData("model", model.id())
            .withData("trainedTo", model.signature().trainedTo().toString())
            .build())
        .orElseGet(() -> HealthCheckResponse.named("fraud-model").down()
            .withData("reason", models.unavailableReason().orElse("unknown"))
            .build());
  }
}
