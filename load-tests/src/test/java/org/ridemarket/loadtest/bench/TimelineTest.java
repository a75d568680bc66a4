package org.ridemarket.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private final Timeline timeline = new Timeline().then("warm-up", Duration.ofSeconds(10))
      .then("skipped", Duration.ZERO).then("steady", Duration.ofSeconds(20)).then("paused", Duration.ofSeconds(30));

  @Test
  void shouldPutARequestInThePhaseItWasDueIn() {
    assertThat(timeline.names()).containsExactly("warm-up", "steady", "paused");
    assertThat(timeline.phaseAt(0)).isEqualTo("warm-up");
    assertThat(timeline.phaseAt(9_999_999_999L)).isEqualTo("warm-up");
    assertThat(timeline.phaseAt(10_000_000_000L)).isEqualTo("steady");
    assertThat(timeline.phaseAt(59_999_999_999L)).isEqualTo("paused");
    assertThat(timeline.phaseAt(61_000_000_000L)).as("an answer's stragglers stay in the last phase")
        .isEqualTo("paused");
  }

  @Test
  void shouldGiveWherePhasesStartAndHowManyRequestsFit() {
    assertThat(timeline.startOf("steady")).isEqualTo(Duration.ofSeconds(10));
    assertThat(timeline.startOf("paused")).isEqualTo(Duration.ofSeconds(30));
    assertThat(timeline.total()).isEqualTo(Duration.ofSeconds(60));
    assertThat(timeline.requestsAt(2_000)).isEqualTo(120_000);
    assertThatThrownBy(() -> timeline.startOf("skipped")).hasMessageContaining("no phase skipped");
  }
}
