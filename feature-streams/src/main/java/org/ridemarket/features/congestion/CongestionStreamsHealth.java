package org.ridemarket.features.congestion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams.State;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The congestion Kafka Streams application in the health checks, as {@code congestion-streams}: ready only
 * while RUNNING (not while waiting for its topics or rebalancing), alive until it failed or stopped.
 */
@ApplicationScoped
class CongestionStreamsHealth {

  static final String NAME = "congestion-streams";
  /** Waiting for topics (CREATED) or for partitions (REBALANCING) is normal; the rest is a failed or closed client. */
  private static final Set<State> ALIVE = EnumSet.of(State.CREATED, State.REBALANCING, State.RUNNING);

  private final CongestionStreams streams;

  CongestionStreamsHealth(CongestionStreams streams) {
    this.streams = streams;
  }

  @Produces
  @Readiness
  HealthCheck ready() {
    return () -> readiness(streams.state());
  }

  @Produces
  @Liveness
  HealthCheck live() {
    return () -> liveness(streams.state());
  }

  static HealthCheckResponse readiness(State state) {
    return HealthCheckResponse.named(NAME).status(state == State.RUNNING).withData("state", state.name()).build();
  }

  static HealthCheckResponse liveness(State state) {
    return HealthCheckResponse.named(NAME).status(ALIVE.contains(state)).withData("state", state.name()).build();
  }
}
