package org.ridemarket.eta.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.ridemarket.eta.repository.FeatureStoreConnection;

/**
 * Whether Redis answers a PING. Reported in the {@code dependencies} health group,
 * not as readiness: every instance shares one Redis, and taking them all out of rotation would turn
 * degraded ETAs into no ETAs.
 */
@HealthGroup("dependencies")
@ApplicationScoped
public class FeatureStoreHealthCheck implements AsyncHealthCheck {

  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private final FeatureStoreConnection redis;

  FeatureStoreHealthCheck(FeatureStoreConnection redis) {
    this.redis = redis;
  }

  @Override
  public Uni<HealthCheckResponse> call() {
    return redis.ping(TIMEOUT)
        .map(pong -> HealthCheckResponse.named("redis-features").up().build())
        .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("redis-features").down()
            .withData("reason", String.valueOf(failure.getMessage())).build());
  }
}
