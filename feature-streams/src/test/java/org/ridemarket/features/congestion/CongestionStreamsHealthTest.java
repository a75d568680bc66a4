package org.ridemarket.features.congestion;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** How the congestion application's Kafka Streams state reads in readiness and liveness. */
class CongestionStreamsHealthTest {

  @Test
  void shouldBeReadyOnlyWhileRunning() {
    for (State state : State.values()) {
      HealthCheckResponse ready = CongestionStreamsHealth.readiness(state);
      assertThat(ready.getName()).isEqualTo("congestion-streams");
      assertThat(ready.getStatus()).as(state.name())
          .isEqualTo(state == State.RUNNING ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN);
      assertThat(ready.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("state", state.name()));
    }
  }

  @Test
  void shouldBeAliveWhileWaitingStartingOrRunningAndNotOnceFailedOrStopped() {
    assertThat(CongestionStreamsHealth.liveness(State.CREATED).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(CongestionStreamsHealth.liveness(State.REBALANCING).getStatus())
        .isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(CongestionStreamsHealth.liveness(State.RUNNING).getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    for (State failed : new State[] {State.PENDING_ERROR, State.ERROR, State.PENDING_SHUTDOWN, State.NOT_RUNNING}) {
      assertThat(CongestionStreamsHealth.liveness(failed).getStatus()).as(failed.name())
          .isEqualTo(HealthCheckResponse.Status.DOWN);
    }
  }
}
