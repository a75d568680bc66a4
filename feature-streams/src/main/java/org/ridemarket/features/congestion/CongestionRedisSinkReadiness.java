package org.ridemarket.features.congestion;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the congestion Redis sink runs and its last batch reached Redis; otherwise says why not. */
@Readiness
@ApplicationScoped
public class CongestionRedisSinkReadiness implements HealthCheck {

  private final CongestionRedisSink sink;

  CongestionRedisSinkReadiness(CongestionRedisSink sink) {
    this.sink = sink;
  }

  @Override
  public HealthCheckResponse call() {
    String failure = sink.lastFailure();
    return HealthCheckResponse.named("congestion-redis-sink")
        .status(failure == null)
        .withData("failure", failure == null ? "none" : failure)
        .build();
  }
}
