package org.ridemarket.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PhasedOutcomesTest {

  @Test
  void shouldSortOutcomesAndLagByDuePhase() {
    // given
    Timeline timeline = new Timeline().then("before", Duration.ofSeconds(1)).then("during", Duration.ofSeconds(1));
    PhasedOutcomes outcomes = new PhasedOutcomes(timeline, 100_000);

    // when a request due in "before" is held into "during", and one of "during" is sent 3 ms late
    outcomes.sent(900_000_000L, 900_000_000L);
    outcomes.answered(900_000_000L, 1_200_000_000L, 200, false, false);
    outcomes.sent(1_100_000_000L, 1_103_000_000L);
    outcomes.failed(1_100_000_000L, 1_105_000_000L, "connection refused");

    // then
    assertThat(outcomes.in("before").count()).isEqualTo(1);
    assertThat(outcomes.in("before").late()).isEqualTo(1);
    assertThat(outcomes.in("during").kinds()).containsOnlyKeys("connection refused");
    assertThat(outcomes.lagIn("before").maxMillis()).isZero();
    assertThat(outcomes.lagIn("during").maxMillis()).isCloseTo(3.0, within(0.01));
  }
}
