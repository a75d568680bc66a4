package org.ridemarket.eta.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.ridemarket.eta.routing.EtaRouter;

/**
 * Ready once the router is built. Map-free routing is a working configuration (no map, or a map that
 * did not load), so it is UP too, with the router's name and, for a map that did not load, the reason.
 */
@Readiness
@ApplicationScoped
public class RouterHealthCheck implements HealthCheck {

  private final EtaRouter router;

  RouterHealthCheck(EtaRouter router) {
    this.router = router;
  }

  @Override
  public HealthCheckResponse call() {
    return router.serving()
        .map(serving -> {
          HealthCheckResponseBuilder up = HealthCheckResponse.named("eta-router").up();
          if (serving.road() != null) {
            return up.withData("router", "graphhopper").withData("graph", serving.road().graphDirectory().toString())
                .build();
          }
          return up.withData("router", "map-free").withData("reason", serving.mapFreeReason()).build();
        })
        .orElseGet(() -> HealthCheckResponse.named("eta-router").down().withData("reason", "the router is being built")
            .build());
  }
}
