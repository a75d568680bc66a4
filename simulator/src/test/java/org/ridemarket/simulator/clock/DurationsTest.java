package org.ridemarket.simulator.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void shouldReadShortAndIsoDurations() {
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(Durations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("PT2H")).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void shouldRejectWhatIsNotADuration() {
    assertThatThrownBy(() -> Durations.parse("2 hours")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Durations.parse("h")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Durations.parse("10")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Durations.parse("")).isInstanceOf(IllegalArgumentException.class);
  }
}
