package org.ridemarket.console.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the live feeds read their topics: before that the map and the dead letters would be empty. */
@Readiness
@ApplicationScoped
public class LiveFeedsHealthCheck implements HealthCheck {

  private final LiveFeeds feeds;

  public LiveFeedsHealthCheck(LiveFeeds feeds) {
    this.feeds = feeds;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("live-feeds").status(feeds.assigned()).build();
  }
}
