package org.ridemarket.features.supplydemand;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the Redis sink runs and its last batch reached Redis; otherwise says why not. */
@Readiness
@ApplicationScoped
public class RedisSinkReadiness implements HealthCheck {

  private final SupplyDemandRedisSink sink;

  RedisSinkReadiness(SupplyDemandRedisSink sink) {
    this.sink = sink;
  }

  @Override
  public HealthCheckResponse call() {
    String failure = sink.lastFailure();
    return HealthCheckResponse.named("supply-demand-redis-sink")
        .status(failure == null)
        .withData("failure", failure == null ? "none" : failure)
        .build();
  }
}
