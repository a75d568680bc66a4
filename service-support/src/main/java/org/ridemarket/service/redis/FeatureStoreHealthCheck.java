package org.ridemarket.service.redis;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether Redis answers a PING. In the {@code dependencies} group, not readiness: every instance
 * shares one Redis, and taking them all out of rotation would turn degraded answers into none.
 */
@HealthGroup("dependencies")
@ApplicationScoped
public class FeatureStoreHealthCheck implements AsyncHealthCheck {

  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private final FeatureStore store;

  FeatureStoreHealthCheck(FeatureStore store) {
    this.store = store;
  }

  @Override
  public Uni<HealthCheckResponse> call() {
    return store.ping(TIMEOUT)
        .map(pong -> HealthCheckResponse.named("redis-features").up().build())
        .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("redis-features").down()
            .withData("reason", String.valueOf(failure.getMessage())).build());
  }
}
