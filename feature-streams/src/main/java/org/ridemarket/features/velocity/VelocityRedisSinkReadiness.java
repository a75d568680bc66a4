package org.ridemarket.features.velocity;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the velocity Redis sink runs and its last batch reached Redis; otherwise says why not. */
@Readiness
@ApplicationScoped
public class VelocityRedisSinkReadiness implements HealthCheck {

  private final VelocityRedisSink sink;

  VelocityRedisSinkReadiness(VelocityRedisSink sink) {
    this.sink = sink;
  }

  @Override
  public HealthCheckResponse call() {
    String failure = sink.lastFailure();
    return HealthCheckResponse.named("velocity-redis-sink")
        .status(failure == null)
        .withData("failure", failure == null ? "none" : failure)
        .build();
  }
}
