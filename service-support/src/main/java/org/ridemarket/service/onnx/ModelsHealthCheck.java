package org.ridemarket.service.onnx;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only with a verified model in every slot. An instance without one still answers (degraded),
 * but a rollout with a missing or mismatched model stops at its first instance.
 */
@Readiness
@ApplicationScoped
public class ModelsHealthCheck implements HealthCheck {

  private final ServedModels models;

  ModelsHealthCheck(ServedModels models) {
    this.models = models;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("models").up();
    StringBuilder reasons = new StringBuilder();
    for (ModelSlot slot : models.slots()) {
      if (slot.currentId().isPresent()) {
        response.withData(slot.name(), slot.currentId().get());
      } else {
        response.down().withData(slot.name(), "unavailable");
        reasons.append(reasons.isEmpty() ? "" : "; ").append(slot.unavailableReason().orElse(slot.name() + ": unknown"));
      }
    }
    if (!reasons.isEmpty()) {
      response.withData("reason", reasons.toString());
    }
    return response.build();
  }
}
