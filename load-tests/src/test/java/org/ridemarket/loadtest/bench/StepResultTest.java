package org.ridemarket.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StepResultTest {

  @Test
  void shouldDivideCpuByTheRequestsOfTheStep() {
    // given 1,000 requests over 2 s in which the service used 600 ms of CPU, 100 ms/s of it when idle
    Outcomes outcomes = new Outcomes();
    for (int i = 0; i < 1_000; i++) {
      outcomes.answered(i * 2_000_000L, i * 2_000_000L + 1_000_000L, 201, false, false);
    }
    StepResult step = new StepResult("500/s", 500, outcomes, new PhasedOutcomes.Lag(0.05, 0.1, 0.5),
        new CpuWindow.Use(600_000_000L, 50_000_000L, 2_000_000_000L, 0), 100);

    // then
    assertThat(step.serviceMicrosPerRequest()).isCloseTo(600, within(0.01));
    assertThat(step.netServiceMicrosPerRequest()).isCloseTo(400, within(0.01));
    assertThat(step.generatorMicrosPerRequest()).isCloseTo(50, within(0.01));
  }

  @Test
  void shouldNotGuessWhatWasNotMeasured() {
    StepResult step = new StepResult("500/s", 500, new Outcomes(), new PhasedOutcomes.Lag(0, 0, 0),
        new CpuWindow.Use(1, 1, 1, 0), Double.NaN);

    assertThat(step.serviceMicrosPerRequest()).isNaN();
    assertThat(step.netServiceMicrosPerRequest()).isNaN();
  }
}
