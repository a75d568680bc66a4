package org.ridemarket.service.warmup;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness {@code warm-up}: DOWN while the decision path is being rehearsed ({@link Warmup}), so that a
 * load balancer or Kubernetes sends no caller to a cold instance; UP after, with what it did.
 */
@Readiness
@ApplicationScoped
public class WarmupCheck implements HealthCheck {

  private final Warmup warmup;

  WarmupCheck(Warmup warmup) {
    this.warmup = warmup;
  }

  @Override
  public HealthCheckResponse call() {
    Warmup.Progress progress = warmup.progress();
    HealthCheckResponseBuilder response = HealthCheckResponse.named("warm-up")
        .withData("rounds", progress.done() + " of " + progress.rounds());
    if (!progress.finished()) {
      return response.down().build();
    }
    response.up().withData("millis", progress.millis());
    progress.failures().forEach((step, count) -> response.withData("failures." + step, count));
    if (!progress.dropped().isEmpty()) {
      response.withData("dropped", String.join(", ", progress.dropped()));
    }
    if (progress.cut()) {
      response.withData("cut", "serving.warmup.max-duration");
    }
    return response.build();
  }
}
